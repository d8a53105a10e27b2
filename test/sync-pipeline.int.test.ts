import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import { decodeRawJson } from '@trialwatch/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { replayDeadLetter } from '../services/cli/src/commands/dead-letters.command.js';
import { startTestPipeline, testEnvironment, type TestPipeline } from './support/harness.js';
import { realRecordsDir } from './support/paths.js';

const realIds = readdirSync(realRecordsDir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.replace(/\.json$/, ''))
  .sort();

describe('one sync through the real queues into the real database', () => {
  let replay: ReplayServer;
  let pipeline: TestPipeline;

  beforeAll(async () => {
    replay = await startReplayServer({ dataDir: realRecordsDir, pageSizeCap: 1, seed: 1 });
    pipeline = await startTestPipeline(testEnvironment(replay.url));
  });
  afterAll(async () => {
    await pipeline.close();
    await replay.close();
  });

  it('pages one study at a time to the end and stores every real record once', async () => {
    const run = await pipeline.sync({ kind: 'all' });
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ totalCount: 10, fetched: 10, stored: 10, changed: 10, failed: 0 });
    expect(Object.keys(run.pages)).toHaveLength(10);
    const trials = await pipeline.context.store.trials.find({}).toArray();
    expect(trials.map((trial) => trial._id)).toEqual(realIds);
    expect(await pipeline.context.store.database.collections.versions.countDocuments()).toBe(10);
    const added = await pipeline.context.store.events.find({ types: ['trial_added'] }).toArray();
    expect(added.map((event) => event.nctId).sort()).toEqual(realIds);
  });

  it('archives each record with its bytes exactly as the registry served them', async () => {
    const { store } = pipeline.context;
    const heads = await store.trials.heads(realIds);
    const archived = await store.versions.encodedRaws([...heads.values()].map((head) => head.versionId));
    expect(archived.size).toBe(10);
    for (const head of heads.values()) {
      const file = readFileSync(path.join(realRecordsDir, `${head.nctId}.json`));
      const served = (file[0] === 0xef ? file.subarray(3) : file).toString('utf8').trim();
      const bytes = decodeRawJson(archived.get(head.versionId) ?? Buffer.alloc(0));
      expect(bytes.toString('utf8')).toBe(served);
      expect(await store.versions.raw(head.versionId)).toEqual(JSON.parse(served));
    }
  });

  it('a --full re-sync of unchanged data changes nothing and emits nothing', async () => {
    const eventsBefore = await pipeline.context.store.events.count();
    const run = await pipeline.sync({ kind: 'all' }, { full: true });
    expect(run.summary).toMatchObject({
      totalCount: 10,
      fetched: 10,
      stored: 10,
      changed: 0,
      failed: 0,
      unchanged: 10,
    });
    expect(await pipeline.context.store.events.count()).toBe(eventsBefore);
    expect(await pipeline.context.store.database.collections.versions.countDocuments()).toBe(10);
  });

  it('the incremental run starts its window one day before the last completed run at the latest', async () => {
    const run = await pipeline.sync({ kind: 'all' });
    expect(run.mode).toBe('incremental');
    expect(run.windowFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every real record was last updated before the window, so the window serves none of them…
    expect(run.summary?.fetched).toBeLessThan(10);
    // …while the rolling re-verification re-checked all ten by id.
    expect(run.summary?.verified).toBe(10);
    expect(run.summary?.changed).toBe(0);
  });
});

describe('a flaky registry', () => {
  it('answers 429/503 to 30% of requests and the run still gets fetched == totalCount', async () => {
    const replay = await startReplayServer({
      dataDir: realRecordsDir,
      pageSizeCap: 2,
      faultRate: 0.3,
      seed: 7,
    });
    const pipeline = await startTestPipeline(testEnvironment(replay.url));
    try {
      const run = await pipeline.sync({ kind: 'all' });
      expect(run.status).toBe('completed');
      expect(run.summary).toMatchObject({ totalCount: 10, fetched: 10, stored: 10, failed: 0 });
      const stats = pipeline.context.client.stats;
      expect(stats.rateLimited + stats.serverErrors).toBeGreaterThan(0);
      expect(stats.retries).toBeGreaterThanOrEqual(stats.rateLimited + stats.serverErrors);
      expect(replay.stats.faults.rateLimited + replay.stats.faults.unavailable).toBe(
        stats.rateLimited + stats.serverErrors,
      );
    } finally {
      await pipeline.close();
      await replay.close();
    }
  });
});

describe('bad input', () => {
  it('keeps a non-JSON file and a non-study record as dead letters and counts them in failed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tw-bad-'));
    cpSync(realRecordsDir, dir, { recursive: true });
    writeFileSync(path.join(dir, 'NCT99999999.json'), 'this is { not JSON');
    writeFileSync(
      path.join(dir, 'NCT99999998.json'),
      JSON.stringify({
        protocolSection: { identificationModule: { nctId: 'NCT99999998' }, statusModule: 'oops' },
      }),
    );
    const replay = await startReplayServer({ dataDir: dir, seed: 3 });
    const pipeline = await startTestPipeline(testEnvironment(replay.url));
    try {
      const run = await pipeline.sync({ kind: 'all' });
      expect(run.summary).toMatchObject({ totalCount: 12, fetched: 12, stored: 10, failed: 2 });
      const letters = await pipeline.context.store.deadLetters.list({ runId: run._id }).toArray();
      expect(letters).toHaveLength(2);
      const notJson = letters.find((letter) => letter.rawText === 'this is { not JSON');
      expect(notJson?.reason).toMatch(/not a study record/);
      // Named after the job that met it (the one page of this search).
      expect(notJson).toMatchObject({ queue: 'sync-fetch', jobId: `${run._id}.s0.p0` });
      const invalid = letters.find((letter) => letter.nctId === 'NCT99999998');
      expect(invalid?.errorKind).toBe('invalid_study');
      expect(invalid?.rawText).toContain('"statusModule":"oops"');

      // Replayed, the study reaches the normalizer again (and fails its schema again), from the dead
      // letter's own text: nothing of the original batch is left staged by now.
      expect(invalid && (await replayDeadLetter(pipeline.context, invalid))).toBe('normalize');
      const queue = pipeline.context.queues.queue('normalize');
      const replayJob = async () =>
        (await queue.getCompleted()).find((job) =>
          String((job.data as { batchId?: unknown }).batchId).startsWith('replay-'),
        );
      await vi.waitFor(
        async () => {
          expect(await replayJob()).toBeDefined();
        },
        { timeout: 10_000 },
      );
      expect((await replayJob())?.returnvalue).toMatchObject({ changed: 0, failed: 1 });
      expect(await queue.getFailedCount()).toBe(0);
    } finally {
      await pipeline.close();
      await replay.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
