import { deleteKeysWithPrefix } from '@trialwatch/queues';
import { createStore } from '@trialwatch/store';
import { Redis } from 'ioredis';

/** Where one test or benchmark keeps its data: its own database and queue prefix on the shared servers. */
export interface DataEnvironment {
  REDIS_URL: string;
  MONGODB_URI: string;
  TRIALWATCH_PREFIX: string;
}

/** Drop the environment's database and every Redis key under its prefix (no vitest: benchmarks use it). */
export async function dropEnvironment(env: DataEnvironment): Promise<void> {
  await dropData(env, ['']);
}

/**
 * Drop the environment's database and the Redis keys under `prefix:kind` for each kind (`''`: every key
 * under the prefix).
 */
export async function dropData(env: DataEnvironment, kinds: readonly string[]): Promise<void> {
  const store = await createStore(env.MONGODB_URI);
  try {
    await store.database.db.dropDatabase();
  } finally {
    await store.close();
  }
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    for (const kind of kinds) {
      await deleteKeysWithPrefix(redis, kind ? `${env.TRIALWATCH_PREFIX}:${kind}` : env.TRIALWATCH_PREFIX);
    }
  } finally {
    redis.disconnect();
  }
}
