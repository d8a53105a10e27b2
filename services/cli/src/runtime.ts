import { loadConfig, type ServiceEnv } from '@trialwatch/config';
import { detectorProcessors } from '@trialwatch/detector';
import { fetcherProcessors } from '@trialwatch/fetcher';
import { createLogger, type Logger } from '@trialwatch/logger';
import { normalizerProcessors } from '@trialwatch/normalizer';
import { notifierProcessors } from '@trialwatch/notifier';
import { createPipelineContext, type FetchContext, type HandlerFactories } from '@trialwatch/pipeline';
import { assertRedisReachable, RedisUnavailableError, type StageName } from '@trialwatch/queues';
import { schedulerProcessors } from '@trialwatch/scheduler';
import { createStore, DatabaseUnavailableError, type Store } from '@trialwatch/store';
import { CliFailure } from './cli-error.js';

export type CliConfig = ServiceEnv<'cli'>;

/** Every stage's processor, for processes that run several stages. */
export const allProcessors: HandlerFactories = {
  ...schedulerProcessors,
  ...fetcherProcessors,
  ...normalizerProcessors,
  ...detectorProcessors,
  ...notifierProcessors,
};

/** Which stages each deployable service runs. */
export const SERVICE_STAGES: Record<string, readonly StageName[]> = {
  scheduler: ['schedule', 'finalize'],
  fetcher: ['fetch', 'verify'],
  normalizer: ['normalize'],
  detector: ['detect'],
  notifier: ['deliver', 'digest'],
};

export function cliConfig(): CliConfig {
  return loadConfig('cli');
}

/** Logs go to stderr: stdout is for the command's own output. */
export function cliLogger(config: CliConfig, name = 'trialwatch'): Logger {
  return createLogger({ name, level: config.LOG_LEVEL });
}

/** Connect to Redis and the database, or fail with one line naming what does not answer. */
export async function connectPipeline(
  config: CliConfig,
  logger: Logger,
): Promise<{ context: FetchContext; close: () => Promise<void> }> {
  try {
    await assertRedisReachable(config.REDIS_URL);
    return await createPipelineContext(config, logger);
  } catch (error) {
    if (error instanceof RedisUnavailableError || error instanceof DatabaseUnavailableError) {
      throw new CliFailure(error.message);
    }
    throw error;
  }
}

/** Commands that only read or write the database need nothing else. */
export async function withStore<T>(config: CliConfig, work: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await createStore(config.MONGODB_URI, { appName: 'trialwatch-cli' });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw new CliFailure(error.message);
    throw error;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
