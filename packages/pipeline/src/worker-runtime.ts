import type { Server } from 'node:http';
import { PipelineTuning } from '@trialwatch/config';
import { createCtgovClient } from '@trialwatch/ctgov-client';
import {
  createRedisConnection,
  createRedisPacer,
  createStageWorker,
  PipelineQueues,
  type StageHandler,
  type StageName,
} from '@trialwatch/queues';
import { createStore, type Store } from '@trialwatch/store';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WorkerMetrics } from './metrics.js';
import { DEFAULT_SETTINGS, type FetchContext, type PipelineSettings } from './pipeline-context.js';
import { HeadCache } from './head-cache.js';
import { RunProgressStore } from './run-progress-store.js';
import { StagingArea } from './staging-area.js';
import { recordDeadLetter } from './run-lifecycle.js';

export type HandlerFactories = { [S in StageName]?: (context: FetchContext) => StageHandler<S> };

/** Where to connect, and any tuning setting (the rest take PipelineTuning's defaults). */
export interface RuntimeConfig extends Partial<PipelineTuning> {
  REDIS_URL: string;
  MONGODB_URI: string;
  TRIALWATCH_PREFIX: string;
}

export interface PipelineRuntime {
  context: FetchContext;
  workers: Worker[];
  metrics: WorkerMetrics;
  metricsPort: number | null;
  close(deadlineMs?: number): Promise<void>;
}

/** The modules of protocolSection the fetch stage reads (see createCtgovClient's protocolModules). */
export const FETCH_STAGE_MODULES = ['identificationModule', 'statusModule'];

const DEFAULT_CONCURRENCY: Record<StageName, number> = {
  fetch: 2,
  verify: 1,
  normalize: 2,
  detect: 2,
  finalize: 1,
  deliver: 8,
  digest: 1,
  schedule: 1,
};

/** Connections and the shared context, without workers (for producers: the CLI, the API, tests). */
export async function createPipelineContext(
  config: RuntimeConfig,
  logger: Logger,
  overrides: Partial<PipelineSettings> = {},
): Promise<{ context: FetchContext; tuning: PipelineTuning; close: () => Promise<void> }> {
  const store: Store = await createStore(config.MONGODB_URI, { appName: 'trialwatch', countWrites: true });
  const redis: Redis = createRedisConnection(config.REDIS_URL, 'worker');
  const producer = createRedisConnection(config.REDIS_URL, 'producer');
  redis.on('error', (error) => {
    logger.warn({ err: error }, 'redis connection error');
  });
  producer.on('error', (error) => {
    logger.warn({ err: error }, 'redis connection error');
  });
  const queues = new PipelineQueues(producer, config.TRIALWATCH_PREFIX, overrides.jobOptions);
  const tuning = PipelineTuning.parse(config);
  const client = createCtgovClient({
    baseUrl: tuning.CTGOV_BASE_URL,
    pacer: createRedisPacer(
      redis,
      `${config.TRIALWATCH_PREFIX}:pacer:ctgov`,
      tuning.CTGOV_REQUESTS_PER_MINUTE,
    ),
    timeoutMs: tuning.CTGOV_TIMEOUT_MS,
    maxRetries: tuning.CTGOV_MAX_RETRIES,
    logger: logger.child({ component: 'ctgov-client' }),
    // The fetch stage reads only what it decides with (the NCT id, the last update); the normalizer parses
    // the modules it models from the bytes; the rest is hashed and archived as served, never parsed.
    studyRecords: 'protocol',
    protocolModules: FETCH_STAGE_MODULES,
  });
  const context: FetchContext = {
    store,
    queues,
    redis,
    progress: new RunProgressStore(redis, config.TRIALWATCH_PREFIX),
    heads: new HeadCache(redis, config.TRIALWATCH_PREFIX, store.database.db.databaseName),
    staging: new StagingArea(redis, config.TRIALWATCH_PREFIX),
    client,
    logger,
    now: () => new Date(),
    settings: {
      ...DEFAULT_SETTINGS,
      pageSize: tuning.CTGOV_PAGE_SIZE,
      verifyLimit: tuning.VERIFY_LIMIT,
      notifyTimeoutMs: tuning.NOTIFY_TIMEOUT_MS,
      prefix: config.TRIALWATCH_PREFIX,
      ...overrides,
    },
  };
  return {
    context,
    tuning,
    close: async () => {
      await queues.close();
      await Promise.allSettled([redis.quit(), producer.quit()]);
      await store.close();
    },
  };
}

/**
 * Start workers for the given stages on one context. Shutdown order: workers (finishing their current
 * jobs), then queues, then connections, under a deadline.
 */
export async function startPipelineWorkers(options: {
  config: RuntimeConfig;
  logger: Logger;
  service: string;
  handlers: HandlerFactories;
  stages?: readonly StageName[];
  settings?: Partial<PipelineSettings>;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}): Promise<PipelineRuntime> {
  const { config, logger } = options;
  const base = await createPipelineContext(config, logger, options.settings);
  const { context, tuning } = base;
  const metrics = new WorkerMetrics(
    context.queues,
    options.service,
    () => context.client.stats,
    () => context.store.database.writes,
  );
  const stages = (options.stages ?? (Object.keys(options.handlers) as StageName[])).filter(
    (stage) => options.handlers[stage] !== undefined,
  );
  const workerConnection = createRedisConnection(config.REDIS_URL, 'worker');
  workerConnection.on('error', (error) => {
    logger.warn({ err: error }, 'redis connection error');
  });
  const workers = stages.map((stage) => {
    const factory = options.handlers[stage] as (context: FetchContext) => StageHandler<typeof stage>;
    return createStageWorker(stage, factory(context), {
      connection: workerConnection,
      prefix: config.TRIALWATCH_PREFIX,
      logger: logger.child({ stage }),
      concurrency: config.WORKER_CONCURRENCY ?? DEFAULT_CONCURRENCY[stage],
      onDeadLetter: (letter) => recordDeadLetter(context, letter),
      onJobFinished: (stage, outcome, durationMs) => {
        metrics.jobFinished(stage, outcome, durationMs);
      },
      lockDurationMs: options.lockDurationMs ?? tuning.WORKER_LOCK_DURATION_MS,
      stalledIntervalMs: options.stalledIntervalMs ?? tuning.WORKER_STALLED_INTERVAL_MS,
    });
  });
  let metricsServer: Server | null = null;
  let metricsPort: number | null = null;
  if (config.METRICS_PORT !== undefined) {
    const bound = await metrics.listen(config.METRICS_PORT);
    metricsServer = bound.server;
    metricsPort = bound.port;
    logger.info({ port: metricsPort }, 'metrics listening');
  }
  logger.info({ stages, prefix: config.TRIALWATCH_PREFIX }, 'workers started');

  let closing: Promise<void> | null = null;
  return {
    context,
    workers,
    metrics,
    metricsPort,
    close(deadlineMs = 20_000) {
      closing ??= (async () => {
        const graceful = Promise.all(workers.map((worker) => worker.close()));
        const timedOut = await Promise.race([
          graceful.then(() => false),
          new Promise<boolean>((resolve) =>
            setTimeout(() => {
              resolve(true);
            }, deadlineMs).unref(),
          ),
        ]);
        if (timedOut) {
          logger.warn({ deadlineMs }, 'workers did not finish in time; forcing close');
          await Promise.all(workers.map((worker) => worker.close(true)));
        }
        metricsServer?.close();
        await workerConnection.quit().catch(() => undefined);
        await base.close();
      })();
      return closing;
    },
  };
}
