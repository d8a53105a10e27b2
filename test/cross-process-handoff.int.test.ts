import { StagingArea } from '@trialwatch/pipeline';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPipeline, testEnvironment, type TestPipeline } from './support/harness.js';
import { realRecordsDir } from './support/paths.js';
import { readRealRecords } from './support/real-records.js';

/**
 * Stages in different processes: nothing is handed over in memory, so the normalizer reads the staged
 * records from Redis and the detector reads the new Trials from their versions in the database. The
 * result must be what one process gives. Real queues, Redis and database.
 */
describe('the stage handoff without shared memory', () => {
  let replay: ReplayServer;
  let pipeline: TestPipeline;
  let redis: Redis;

  beforeAll(async () => {
    replay = await startReplayServer({ dataDir: realRecordsDir, pageSizeCap: 4, seed: 1 });
    const env = testEnvironment(replay.url);
    pipeline = await startTestPipeline(env);
    redis = new Redis(env.REDIS_URL);
    // As if every stage ran in a process of its own: no batch kept in memory.
    (pipeline.context as { staging: StagingArea }).staging = new StagingArea(redis, env.TRIALWATCH_PREFIX, 0);
  });
  afterAll(async () => {
    redis.disconnect();
    await pipeline.close();
    await replay.close();
  });

  it('stores every record and raises one trial_added each, with the status of the stored version', async () => {
    const run = await pipeline.sync({ kind: 'all' });
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ fetched: 10, stored: 10, changed: 10, failed: 0 });
    const { store } = pipeline.context;
    const added = await store.events.find({ types: ['trial_added'] }).toArray();
    const expected = readRealRecords().map((record) => {
      const status = (record.raw.protocolSection as { statusModule: { overallStatus: string } }).statusModule;
      return [record.nctId, status.overallStatus];
    });
    expect(added.map((event) => [event.nctId, event.to]).sort()).toEqual(expected.sort());
    const staged = await redis.keys(`${pipeline.env.TRIALWATCH_PREFIX}:stage:*`);
    expect(staged).toEqual([]);
  });
});
