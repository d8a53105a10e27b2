import { normalizeStudy } from '@trialwatch/domain';
import { encodeRawRecord } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { handleDetectChanges } from '../services/detector/src/index.js';
import { createTestRun, usePipelineContext } from './support/harness.js';
import { readRealRecords } from './support/real-records.js';

/**
 * A transition names the versions its trial moved from and to; the detector takes the new one from the
 * normalizer's memory or reads it, and reads the old one. When one it needs is in neither, the job fails (and
 * is retried, then dead-lettered) instead of finishing with no event for that trial. A cohort move without
 * new content needs neither. Real Redis and database.
 */
/** A transition of one trial between two versions, with no cohort move. */
function transitionOf(nctId: string, fromVersion: string | null, toVersion: string) {
  return { nctId, fromVersion, toVersion, enteredCohorts: [], leftCohorts: [], removed: false };
}

describe('a detect job whose versions cannot be read', () => {
  const fixture = usePipelineContext();

  it('fails, naming the version, and writes no event', async () => {
    const runId = 'run-missing-version';
    await createTestRun(fixture.context, runId);
    const transition = transitionOf(
      'NCT00000009',
      null,
      'NCT00000009@0000000000000000000000000000000000000000000000000000000000000000',
    );
    await expect(
      handleDetectChanges(fixture.context, { runId, batchId: 'b0', transitions: [transition] }),
    ).rejects.toThrow(/NCT00000009@0+ of NCT00000009 could not be read/);
    expect(await fixture.context.store.events.find({}).toArray()).toEqual([]);
  });
  it('fails when the version the trial moved from cannot be read either', async () => {
    const runId = 'run-missing-from-version';
    await createTestRun(fixture.context, runId);
    const [real] = readRealRecords();
    if (!real) throw new Error('no real record in ../shared');
    const normalized = normalizeStudy(real.raw, { contentHash: '1'.repeat(64) });
    if (!normalized.ok) throw new Error(`${real.nctId} does not normalize`);
    const toVersion = `${real.nctId}@${'1'.repeat(64)}`;
    await fixture.context.store.versions.insert([
      {
        _id: toVersion,
        nctId: real.nctId,
        contentHash: '1'.repeat(64),
        trial: normalized.trial,
        rawRecord: encodeRawRecord(real.raw),
        runId,
        lastUpdatePostDate: null,
        dataTimestamp: null,
        detectedAt: new Date(),
      },
    ]);
    const transition = transitionOf(real.nctId, `${real.nctId}@${'2'.repeat(64)}`, toVersion);
    await expect(
      handleDetectChanges(fixture.context, { runId, batchId: 'b0', transitions: [transition] }),
    ).rejects.toThrow(new RegExp(`${real.nctId}@2+ of ${real.nctId} could not be read`));
  });

  it('needs no version for a cohort move without new content', async () => {
    const runId = 'run-membership-only';
    await createTestRun(fixture.context, runId);
    const versionId = `NCT00000011@${'3'.repeat(64)}`;
    const transition = transitionOf('NCT00000011', versionId, versionId);
    await expect(
      handleDetectChanges(fixture.context, { runId, batchId: 'b0', transitions: [transition] }),
    ).resolves.toEqual({ events: 0 });
  });
});
