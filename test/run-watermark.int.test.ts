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
});
