import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunProgressStore } from '../packages/pipeline/src/run-progress-store.js';
import { testEnvironment, type TestEnvironment } from './support/harness.js';

const page = (hasNext: boolean) => ({
  fetched: 250,
  totalCount: 500,
  hasNext,
  invalid: 0,
  unchanged: 0,
  queued: 0,
  batchId: null,
  maxLastUpdatePostDate: null,
  attempts: 1,
});

/** The cheap check that every search has ended its page chain, before the whole progress is read. Real Redis. */
describe('RunProgressStore.searchesSettled', () => {
  let env: TestEnvironment;
  let redis: Redis;
  let progress: RunProgressStore;

  beforeAll(() => {
    env = testEnvironment('http://127.0.0.1:9/api/v2');
    redis = new Redis(env.REDIS_URL);
    progress = new RunProgressStore(redis, env.TRIALWATCH_PREFIX);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${env.TRIALWATCH_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('holds once each search has a last page or a page that failed for good', async () => {
    expect(await progress.searchesSettled('run', 2)).toBe(false);
    await progress.recordPage('run', 's0p0', page(true));
    await progress.recordPage('run', 's1p0', page(true));
    expect(await progress.searchesSettled('run', 2)).toBe(false);
    await progress.recordPage('run', 's0p1', page(false));
    expect(await progress.searchesSettled('run', 2)).toBe(false);
    expect(await progress.searchesSettled('run', 1)).toBe(true);
    await progress.recordFailedJob('run', 'fetch-s1-p1', 'gave up');
    expect(await progress.searchesSettled('run', 2)).toBe(true);
  });

  it('is not fooled by failed jobs of other stages, and leaves the progress as it was', async () => {
    await progress.recordPage('other', 's0p0', page(true));
    await progress.recordFailedJob('other', 'normalize-s0p0b0', 'bad', 's0p0b0');
    await progress.recordFailedJob('other', 'verify-v0', 'bad');
    expect(await progress.searchesSettled('other', 1)).toBe(false);
    const loaded = await progress.load('other');
    expect(Object.keys(loaded.pages)).toEqual(['s0p0']);
    expect(Object.keys(loaded.failedJobs).sort()).toEqual(['normalize-s0p0b0', 'verify-v0']);
  });
});
