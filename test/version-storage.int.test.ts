import { normalizeStudy, type Trial } from '@trialwatch/domain';
import { encodeRawRecord, UnreadableVersionError, type NewTrialVersion } from '@trialwatch/store';
import { Binary } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { usePipelineContext } from './support/harness.js';
import { readRealRecords } from './support/real-records.js';

/**
 * A version is stored as the record the registry served (its archive) with its metadata; its Trial is made
 * again from that record when it is read. Versions stored with their Trial as JSON (before) read as they
 * were. Real records from ../shared, the real database.
 */
function versionOf(raw: Record<string, unknown>, hash: string, runId: string): NewTrialVersion {
  const normalized = normalizeStudy(raw, { contentHash: hash });
  if (!normalized.ok) throw new Error(`a real record does not normalize: ${normalized.reason}`);
  return {
    _id: `${normalized.trial.nctId}@${hash}`,
    nctId: normalized.trial.nctId,
    contentHash: hash,
    trial: normalized.trial,
    rawRecord: encodeRawRecord(raw),
    runId,
    lastUpdatePostDate: normalized.trial.lastUpdatePostDate,
    dataTimestamp: null,
    detectedAt: new Date('2026-11-01T00:00:00Z'),
  };
}

describe('versions in the database', () => {
  const fixture = usePipelineContext();

  it('keep the record as served, not the Trial, and read back the Trial it normalizes to', async () => {
    const { versions } = fixture.context.store;
    const written = readRealRecords().map((record, index) =>
      versionOf(record.raw, String(index).padStart(64, 'a'), 'run-storage'),
    );
    expect(await versions.insert(written)).toBe(written.length);

    const stored = await fixture.context.store.database.collections.versions.findOne({
      _id: written[0]?._id,
    });
    expect(stored?.trial).toBeUndefined();
    expect(stored?.raw).toBeInstanceOf(Binary);

    const read = await versions.byIds(written.map((version) => version._id));
    for (const version of written) expect(read.get(version._id)?.trial).toEqual(version.trial);
    expect((await versions.get(written[1]?._id ?? ''))?.trial).toEqual(written[1]?.trial);

    const streamed = await versions.stream({ nctId: 1, trial: 1 }).toArray();
    expect(streamed.map((version) => version._id)).toEqual(written.map((version) => version._id).sort());
    for (const version of streamed) {
      expect(version.trial).toEqual(written.find((candidate) => candidate._id === version._id)?.trial);
    }
  });

  it('read a version stored with its Trial as JSON from that JSON', async () => {
    const [record] = readRealRecords();
    if (!record) throw new Error('no real record in ../shared');
    const { rawRecord, trial, ...meta } = versionOf(record.raw, 'b'.repeat(64), 'run-legacy');
    // What a version of an earlier release holds: the Trial as it was normalized then.
    const then = { ...trial, briefTitle: 'as normalized by an earlier release' } as Trial;
    await fixture.context.store.database.collections.versions.insertOne({
      ...meta,
      trial: new Binary(Buffer.from(JSON.stringify(then), 'utf8')),
      raw: new Binary(rawRecord),
    });
    expect((await fixture.context.store.versions.get(meta._id))?.trial).toEqual(then);
  });

  it('fail, naming the version, when its record no longer normalizes', async () => {
    const [record] = readRealRecords();
    if (!record) throw new Error('no real record in ../shared');
    const version = versionOf(record.raw, 'c'.repeat(64), 'run-unreadable');
    await fixture.context.store.versions.insert([
      { ...version, rawRecord: encodeRawRecord({ protocolSection: { identificationModule: {} } }) },
    ]);
    const read = fixture.context.store.versions.get(version._id);
    await expect(read).rejects.toBeInstanceOf(UnreadableVersionError);
    await expect(fixture.context.store.versions.get(version._id)).rejects.toThrow(
      new RegExp(`version ${version._id}: its archived record no longer normalizes`),
    );
  });
});
