import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import type { WatermarkDoc } from '@trialwatch/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestPipeline, testEnvironment, type TestPipeline } from './support/harness.js';
import { realRecordsDir } from './support/paths.js';

/**
 * Whoever sees a run completed must also see its watermark: the next nightly run (or a CLI that starts
 * one as soon as the previous finished) opens incrementally. Found by the two-night tests, which started
 * night 2 in the moment between the run's status and its watermark under a loaded machine.
 */
describe('a completed run and its watermark', () => {
  let replay: ReplayServer;
  let pipeline: TestPipeline;

  beforeAll(async () => {
    replay = await startReplayServer({ dataDir: realRecordsDir, seed: 2 });
    pipeline = await startTestPipeline(testEnvironment(replay.url));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await pipeline.close();
    await replay.close();
  });

  it('the watermark is written before the run is marked completed, so the next run is incremental at once', async () => {
    const { runs } = pipeline.context.store;
    const atFinish: (WatermarkDoc | null)[] = [];
    const finish = runs.finish.bind(runs);
    // Observe (not replace) the real write: what does the database hold when the run is being closed?
    vi.spyOn(runs, 'finish').mockImplementation(async (...args) => {
      atFinish.push(await runs.watermark('all'));
      return finish(...args);
    });
    const first = await pipeline.sync({ kind: 'all' });
    expect(first.status).toBe('completed');
    expect(atFinish[0]?.lastCompletedRunId).toBe(first._id);
    const second = await pipeline.sync({ kind: 'all' });
    expect(second.mode).toBe('incremental');
  });

  it('concurrent first watermarks of a scope all land, and the newest wins', async () => {
    const { runs } = pipeline.context.store;
    const marks = Array.from({ length: 8 }, (_, index) => ({
      _id: 'scope-raced',
      lastCompletedRunId: `run_${String(index)}`,
      lastCompletedAt: new Date(Date.UTC(2026, 0, 1 + index)),
      maxLastUpdatePostDate: null,
    }));
    await Promise.all(marks.map((mark) => runs.advanceWatermark(mark)));
    expect((await runs.watermark('scope-raced'))?.lastCompletedRunId).toBe('run_7');
  });

  it("reads a scope's older single document with its marks, keeps scopes apart, never moves back", async () => {
    const { runs, database } = pipeline.context.store;
    const day = (n: number) => new Date(Date.UTC(2026, 1, n));
    /** A scope's mark as a completed run leaves it (the shape watermark() gives back too). */
    const mark = (scope: string, runId: string, completed: number, maxLastUpdatePostDate: string) => ({
      _id: scope,
      lastCompletedRunId: runId,
      lastCompletedAt: day(completed),
      maxLastUpdatePostDate,
    });
    // A watermark as written before marks were insert-only: one document keyed by the scope.
    await database.collections.watermarks.insertOne(mark('cohort-x', 'run_old', 1, '2026-01-20'));
    expect(await runs.watermark('cohort-x')).toEqual(mark('cohort-x', 'run_old', 1, '2026-01-20'));
    await runs.advanceWatermark(mark('cohort-x', 'run_b', 3, '2026-01-25'));
    // An older run finishing late, and a scope whose name starts like this one's marks.
    await runs.advanceWatermark(mark('cohort-x', 'run_a', 2, '2026-01-30'));
    await runs.advanceWatermark(mark('cohort-x@y', 'run_c', 9, '2026-02-09'));
    await runs.advanceWatermark(mark('cohort-x', 'run_b', 3, '2026-01-25'));
    expect(await runs.watermark('cohort-x')).toEqual(mark('cohort-x', 'run_b', 3, '2026-01-30'));
    expect((await runs.watermark('cohort-x@y'))?.lastCompletedRunId).toBe('run_c');
    expect(await runs.watermark('cohort')).toBeNull();
  });
});
