import type { Logger } from '@trialwatch/logger';
import { assertRedisReachable, createRedisConnection, PipelineQueues } from '@trialwatch/queues';
import { createStore } from '@trialwatch/store';
import { createApiServer } from './create-api-server.js';

export interface ApiServiceOptions {
  mongoUri: string;
  redisUrl: string;
  prefix: string;
  token: string;
  port: number;
  host: string;
  logger: Logger;
}

export interface ApiService {
  url: string;
  /** Whether Bull Board is mounted (Redis answered at start). */
  dashboard: boolean;
  close(): Promise<void>;
}

/**
 * Connect, serve, and give back a closer: the HTTP server stops taking requests first, then the queues and
 * the database close. Without Redis the API still serves its data, without the queue dashboard.
 */
export async function startApiService(options: ApiServiceOptions): Promise<ApiService> {
  const { logger } = options;
  const store = await createStore(options.mongoUri, { appName: 'trialwatch-api' });
  let queues: PipelineQueues | undefined;
  let redis: ReturnType<typeof createRedisConnection> | undefined;
  try {
    await assertRedisReachable(options.redisUrl);
    redis = createRedisConnection(options.redisUrl, 'producer');
    queues = new PipelineQueues(redis, options.prefix);
  } catch (error) {
    logger.warn({ err: error }, 'redis does not answer: the queue dashboard is off');
  }
  const server = createApiServer({ store, token: options.token, logger, ...(queues ? { queues } : {}) });
  try {
    const { url } = await server.listen(options.port, options.host);
    logger.info({ url, dashboard: queues !== undefined }, 'api listening');
    return {
      url,
      dashboard: queues !== undefined,
      async close() {
        await server.close();
        await queues?.close();
        redis?.disconnect();
        await store.close();
      },
    };
  } catch (error) {
    await queues?.close();
    redis?.disconnect();
    await store.close();
    throw error;
  }
}
