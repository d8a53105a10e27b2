export {
  checkedKey,
  DEFAULT_SETTINGS,
  type FetchContext,
  type PipelineContext,
  type PipelineSettings,
} from './pipeline-context.js';
export { runProgress, type RunProgress, type RunTotals } from './run-progress.js';
export { maybeFinalizeRun, recordDeadLetter } from './run-lifecycle.js';
export { WorkerMetrics } from './metrics.js';
export {
  createPipelineContext,
  startPipelineWorkers,
  type HandlerFactories,
  type PipelineRuntime,
  type RuntimeConfig,
} from './worker-runtime.js';
export { RunProgressStore } from './run-progress-store.js';
export { runWorkerService } from './run-worker-service.js';
export { HeadCache } from './head-cache.js';
export { StagingArea } from './staging-area.js';
export { RunWaitError, waitForRun } from './wait-for-run.js';
