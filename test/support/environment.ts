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
  const store = await createStore(env.MONGODB_URI);
  try {
    await store.database.db.dropDatabase();
  } finally {
    await store.close();
  }
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await deleteKeysWithPrefix(redis, env.TRIALWATCH_PREFIX);
  } finally {
    redis.disconnect();
  }
}
