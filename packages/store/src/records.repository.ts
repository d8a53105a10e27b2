import type { Collection } from 'mongodb';
import type { RawRecordDoc, TrialVersionDoc } from './documents.js';
import { findByIds } from './find-by-ids.js';
import { insertNew } from './store.js';

/** The raw archive: every distinct record as served, keyed `nctId@contentHash`. */
export class RawRecordsRepository {
  constructor(private readonly raw: Collection<RawRecordDoc>) {}

  /** Returns how many were new. */
  async insert(docs: readonly RawRecordDoc[]): Promise<number> {
    return insertNew(this.raw, docs);
  }

  async byIds(ids: readonly string[]): Promise<RawRecordDoc[]> {
    return findByIds(this.raw, ids);
  }

  async get(id: string): Promise<RawRecordDoc | null> {
    return this.raw.findOne({ _id: id });
  }
}

/** Append-only versions: one per distinct content hash of a trial. */
export class VersionsRepository {
  constructor(private readonly versions: Collection<TrialVersionDoc>) {}

  async insert(docs: readonly TrialVersionDoc[]): Promise<number> {
    return insertNew(this.versions, docs);
  }

  async byIds(ids: readonly string[]): Promise<Map<string, TrialVersionDoc>> {
    const docs = await findByIds(this.versions, ids);
    return new Map(docs.map((doc) => [doc._id, doc]));
  }

  async get(id: string): Promise<TrialVersionDoc | null> {
    return this.versions.findOne({ _id: id });
  }

  /** Every version, in `_id` order, streamed (for exports). */
  stream() {
    return this.versions.find({}).sort({ _id: 1 });
  }
}
