import type { Collection, Filter } from 'mongodb';
import type { DeadLetterDoc } from './documents.js';
import { retryOnDuplicateKey } from './store.js';

export class DeadLettersRepository {
  constructor(private readonly deadLetters: Collection<DeadLetterDoc>) {}

  /** Keyed deterministically by the caller, so recording the same failure twice keeps one letter. */
  async record(letter: Omit<DeadLetterDoc, 'createdAt' | 'replayedAt'>, now: Date): Promise<void> {
    const write = () =>
      this.deadLetters.updateOne(
        { _id: letter._id },
        { $set: { ...letter, replayedAt: null }, $setOnInsert: { createdAt: now } },
        { upsert: true },
      );
    await retryOnDuplicateKey(write);
  }

  list(filter: { runId?: string; pendingOnly?: boolean; limit?: number } = {}) {
    const query: Filter<DeadLetterDoc> = {};
    if (filter.runId) query.runId = filter.runId;
    if (filter.pendingOnly) query.replayedAt = null;
    const cursor = this.deadLetters.find(query).sort({ createdAt: -1, _id: 1 });
    return filter.limit ? cursor.limit(filter.limit) : cursor;
  }

  async get(id: string): Promise<DeadLetterDoc | null> {
    return this.deadLetters.findOne({ _id: id });
  }

  async markReplayed(id: string, now: Date): Promise<void> {
    await this.deadLetters.updateOne({ _id: id }, { $set: { replayedAt: now } });
  }

  async count(filter: Filter<DeadLetterDoc> = {}): Promise<number> {
    return this.deadLetters.countDocuments(filter);
  }
}
