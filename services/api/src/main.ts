import { loadConfig } from '@trialwatch/config';
import { createLogger } from '@trialwatch/logger';
import { startApiService } from './start-api-service.js';

/** The api container: configuration from the environment (TRIALWATCH_API_TOKEN is required), SIGTERM stops it. */
const config = loadConfig('api');
const logger = createLogger({ name: 'api', level: config.LOG_LEVEL });
const service = await startApiService({
  mongoUri: config.MONGODB_URI,
  redisUrl: config.REDIS_URL,
  prefix: config.TRIALWATCH_PREFIX,
  token: config.TRIALWATCH_API_TOKEN,
  port: config.API_PORT,
  host: config.API_HOST,
  logger,
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'api stopping');
  const deadline = setTimeout(() => process.exit(1), 10_000);
  deadline.unref();
  service.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'api did not stop cleanly');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => {
  stop('SIGTERM');
});
process.on('SIGINT', () => {
  stop('SIGINT');
});
