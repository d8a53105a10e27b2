import { describe, expect, it } from 'vitest';
import { handleDetectChanges } from '../services/detector/src/index.js';
import { createTestRun, usePipelineContext } from './support/harness.js';

/**
 * A transition names the version its trial moved to; the detector reads it from the normalizer's memory or
 * from the database. When it is in neither, the job fails (and is retried, then dead-lettered) instead of
 * finishing with no event for that trial. Real Redis and database.
 */
describe('a detect job whose new version cannot be read', () => {
  const fixture = usePipelineContext();

  it('fails, naming the version, and writes no event', async () => {
    const runId = 'run-missing-version';
    await createTestRun(fixture.context, runId);
    const transition = {
      nctId: 'NCT00000009',
      fromVersion: null,
      toVersion: 'NCT00000009@0000000000000000000000000000000000000000000000000000000000000000',
      enteredCohorts: [],
      leftCohorts: [],
      removed: false,
    };
    await expect(
      handleDetectChanges(fixture.context, { runId, batchId: 'b0', transitions: [transition] }),
    ).rejects.toThrow(/NCT00000009@0+ of NCT00000009 could not be read/);
    expect(await fixture.context.store.events.find({}).toArray()).toEqual([]);
  });
});
