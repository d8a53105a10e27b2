import { Queue, RateLimitError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { classifyFailure } from './job-errors.js';
import { stages, type StageName, type StagePayload } from './stages.js';

export interface JobContext {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** The job's attempts budget: when `attempt` reaches it, a failure is the last one (dead letter). */
  maxAttempts: number;
  logger: Logger;
}

export type StageHandler<S extends StageName> = (
  payload: StagePayload<S>,
  context: JobContext,
) => Promise<unknown>;

export interface DeadLetter {
  stage: StageName;
  queue: string;
  jobId: string;
  payload: unknown;
  reason: string;
  errorKind: string;
  attempts: number;
}

export interface StageWorkerOptions {
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** Called once when a job fails for good (permanent error or last attempt). Must be idempotent. */
  onDeadLetter: (letter: DeadLetter) => Promise<void>;
  /** Called after each finished job, for metrics. */
  onJobFinished?: (
    stage: StageName,
    outcome: 'completed' | 'failed' | 'rate_limited',
    durationMs: number,
  ) => void;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

/**
 * A BullMQ worker for one stage: parse the payload with the stage's schema, run the handler, and turn a
 * failure into retry, rate-limit pause or dead letter by its type.
 */
export function createStageWorker<S extends StageName>(
  stage: S,
  handler: StageHandler<S>,
  options: StageWorkerOptions,
): Worker {
  const definition = stages[stage];
  let limiterQueue: Queue | undefined;
  const processor = async (job: Job): Promise<unknown> => {
    const started = performance.now();
    const jobId = job.id ?? 'unknown';
    const attempt = job.attemptsMade + 1;
    const logger = options.logger.child({ queue: definition.queue, jobId, attempt });
    try {
      const payload = definition.payload.parse(job.data) as StagePayload<S>;
      const result = await handler(payload, { jobId, attempt, maxAttempts: job.opts.attempts ?? 1, logger });
      options.onJobFinished?.(stage, 'completed', performance.now() - started);
      return result;
    } catch (error) {
      const failure = classifyFailure(error);
      const message = error instanceof Error ? error.message : String(error);
      if (failure.kind === 'rate_limited') {
        logger.warn({ retryAfterMs: failure.retryAfterMs }, 'rate limited; pausing the queue');
        options.onJobFinished?.(stage, 'rate_limited', performance.now() - started);
        limiterQueue ??= new Queue(definition.queue, {
          connection: options.connection,
          prefix: options.prefix,
        });
        await limiterQueue.rateLimit(failure.retryAfterMs);
        throw new RateLimitError();
      }
      options.onJobFinished?.(stage, 'failed', performance.now() - started);
      const maxAttempts = job.opts.attempts ?? 1;
      const lastAttempt = failure.kind === 'permanent' || attempt >= maxAttempts;
      logger.warn({ err: error, failure: failure.kind, lastAttempt }, 'job failed');
      if (lastAttempt) {
        await options.onDeadLetter({
          stage,
          queue: definition.queue,
          jobId,
          payload: job.data,
          reason: message,
          errorKind: failure.reason,
          attempts: attempt,
        });
        if (failure.kind === 'permanent') throw new UnrecoverableError(message);
      }
      throw error;
    }
  };
  const worker: Worker = new Worker(definition.queue, processor, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs,
    stalledInterval: options.stalledIntervalMs,
    maxStalledCount: 3,
    autorun: true,
  });
  worker.on('closed', () => {
    void limiterQueue?.close();
  });
  worker.on('error', (error) => {
    options.logger.error({ err: error, queue: definition.queue }, 'worker error');
  });
  return worker;
}
