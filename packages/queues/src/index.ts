export * from './stages.js';
export {
  assertRedisReachable,
  createRedisConnection,
  deleteKeysWithPrefix,
  RedisUnavailableError,
} from './connection.js';
export { PipelineQueues, type StageJobOptions } from './pipeline-queues.js';
export { classifyFailure, PermanentJobError, type FailureClass } from './job-errors.js';
export {
  createStageWorker,
  type DeadLetter,
  type JobContext,
  type StageHandler,
  type StageWorkerOptions,
} from './stage-worker.js';
export { createRedisPacer, type SharedPacer } from './redis-pacer.js';
export {
  isCronPattern,
  syncJobSchedulers,
  type SchedulerSync,
  type WantedScheduler,
} from './job-schedulers.js';
