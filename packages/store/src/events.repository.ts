import type { Collection, Filter } from 'mongodb';
import type { EventType } from '@trialwatch/domain';
import type { EventDoc } from './documents.js';
import { findByIds } from './find-by-ids.js';
import { insertNew } from './store.js';

export interface EventQuery {
  since?: Date;
  types?: readonly EventType[];
  nctId?: string;
  cohort?: string;
  runId?: string;
  /** Resume after this event (cursor pagination by detectedAt, then _id). */
  after?: { detectedAt: Date; id: string };
  limit?: number;
}

export class EventsRepository {
  constructor(private readonly events: Collection<EventDoc>) {}

  /** Event ids are deterministic: inserting one twice keeps the first. Returns how many were new. */
  async insert(docs: readonly EventDoc[]): Promise<number> {
    return insertNew(this.events, docs);
  }

  async byIds(ids: readonly string[]): Promise<EventDoc[]> {
    return findByIds(this.events, ids);
  }

  async get(id: string): Promise<EventDoc | null> {
    return this.events.findOne({ _id: id });
  }

  find(query: EventQuery = {}) {
    const filter: Filter<EventDoc> = {};
    if (query.since) filter.detectedAt = { $gte: query.since };
    if (query.types && query.types.length > 0) filter.type = { $in: [...query.types] };
    if (query.nctId) filter.nctId = query.nctId;
    if (query.cohort) filter.cohorts = query.cohort;
    if (query.runId) filter.runId = query.runId;
    if (query.after) {
      filter.$or = [
        { detectedAt: { $gt: query.after.detectedAt } },
        { detectedAt: query.after.detectedAt, _id: { $gt: query.after.id } },
      ];
    }
    const cursor = this.events.find(filter).sort({ detectedAt: 1, _id: 1 });
    return query.limit ? cursor.limit(query.limit) : cursor;
  }

  /** Without a filter, the collection's own count (a filtered count reads every document on FerretDB). */
  async count(filter: Filter<EventDoc> = {}): Promise<number> {
    return Object.keys(filter).length > 0
      ? this.events.countDocuments(filter)
      : this.events.estimatedDocumentCount();
  }
}
