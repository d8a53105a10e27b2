import { loadConfig, type ServiceEnv } from '@trialwatch/config';
import { createLogger, type Logger } from '@trialwatch/logger';
import type { FetchContext } from '@trialwatch/pipeline';
import { createStore, DatabaseUnavailableError, type Store } from '@trialwatch/store';
import { CliFailure } from './cli-error.js';

export type CliConfig = ServiceEnv<'cli'>;

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
  // Loaded here, not at start-up: commands that only read the database never need queues or the client.
  const { assertRedisReachable, RedisUnavailableError } = await import('@trialwatch/queues');
  const { createPipelineContext } = await import('@trialwatch/pipeline');
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
