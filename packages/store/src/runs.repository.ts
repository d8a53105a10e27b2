import type { Collection, Filter } from 'mongodb';
import type { BatchRecord, PageRecord, RunStatus, SyncRunDoc, WatermarkDoc } from './documents.js';

export type NewRun = Omit<SyncRunDoc, 'pages' | 'batches' | 'verify' | 'failedJobs' | 'summary' | 'finishedAt' | 'status'> & {
  verifyPlanned: number;
};

/**
 * Sync runs and their progress. Every progress write is a `$set` of a keyed entry (a page, a batch), so
 * recording the same step twice — BullMQ delivers at least once — changes nothing.
 */
export class RunsRepository {
  constructor(
    private readonly runs: Collection<SyncRunDoc>,
    private readonly watermarks: Collection<WatermarkDoc>,
  ) {}

  async create(run: NewRun): Promise<void> {
    const { verifyPlanned, ...rest } = run;
    await this.runs.insertOne({
      ...rest,
      status: 'running',
      finishedAt: null,
      pages: {},
      batches: {},
      verify: { planned: verifyPlanned, batches: {} },
      failedJobs: {},
      summary: null,
    });
  }

  async get(runId: string): Promise<SyncRunDoc | null> {
    return this.runs.findOne({ _id: runId });
  }

  /** A fetched page, and the batch it queued (if any), in one write. */
  async recordPage(
    runId: string,
    pageKey: string,
    page: PageRecord,
    batches: readonly { id: string; record: BatchRecord }[] = [],
  ): Promise<void> {
    const set: Record<string, unknown> = { [`pages.${pageKey}`]: page };
    for (const batch of batches) Object.assign(set, batchFields(batch.id, batch.record));
    await this.runs.updateOne({ _id: runId }, { $set: set });
  }

  async recordVerifyBatch(
    runId: string,
    key: string,
    result: { checked: number; removed: number; queued: number; batchId: string | null },
    batches: readonly { id: string; record: BatchRecord }[] = [],
  ): Promise<void> {
    const set: Record<string, unknown> = { [`verify.batches.${key}`]: result };
    for (const batch of batches) Object.assign(set, batchFields(batch.id, batch.record));
    await this.runs.updateOne({ _id: runId }, { $set: set });
  }


  async recordNormalized(
    runId: string,
    batchId: string,
    result: { stored: number; changed: number; failed: number; detectBatchId: string | null },
  ): Promise<void> {
    await this.runs.updateOne(
      { _id: runId },
      {
        $set: {
          [`batches.${batchId}.normalized`]: true,
          [`batches.${batchId}.stored`]: result.stored,
          [`batches.${batchId}.changed`]: result.changed,
          [`batches.${batchId}.failed`]: result.failed,
          [`batches.${batchId}.detectBatchId`]: result.detectBatchId,
        },
      },
    );
  }

  async recordDetected(runId: string, batchId: string, events: number): Promise<void> {
    await this.runs.updateOne(
      { _id: runId },
      { $set: { [`batches.${batchId}.detected`]: true, [`batches.${batchId}.events`]: events } },
    );
  }

  /** A job that failed for good: the run must not wait for it, and must not call itself complete. */
  async recordFailedJob(runId: string, jobKey: string, reason: string, batchId?: string): Promise<void> {
    const set: Record<string, unknown> = { [`failedJobs.${jobKey}`]: reason };
    if (batchId) set[`batches.${batchId}.deadLettered`] = true;
    await this.runs.updateOne({ _id: runId }, { $set: set });
  }

  /** Close a running run exactly once; false when another worker closed it first. */
  async finish(runId: string, status: Exclude<RunStatus, 'running'>, summary: SyncRunDoc['summary'], now: Date): Promise<boolean> {
    const result = await this.runs.updateOne(
      { _id: runId, status: 'running' },
      { $set: { status, summary, finishedAt: now } },
    );
    return result.modifiedCount === 1;
  }

  list(filter: { scope?: string; status?: RunStatus; limit?: number } = {}) {
    const query: Filter<SyncRunDoc> = {};
    if (filter.scope) query.scope = filter.scope;
    if (filter.status) query.status = filter.status;
    return this.runs
      .find(query, { projection: { pages: 0, batches: 0, verify: 0 } })
      .sort({ startedAt: -1 })
      .limit(filter.limit ?? 20);
  }

  async watermark(scope: string): Promise<WatermarkDoc | null> {
    return this.watermarks.findOne({ _id: scope });
  }

  /** Advance only forward: a late finisher of an older run never moves the watermark back. */
  async advanceWatermark(mark: WatermarkDoc): Promise<void> {
    const current = await this.watermarks.findOne({ _id: mark._id });
    if (current && current.lastCompletedAt.getTime() >= mark.lastCompletedAt.getTime()) return;
    await this.watermarks.replaceOne({ _id: mark._id }, mark, { upsert: true });
  }
}

/** One dotted `$set` path per field: never replace a batch entry another stage is writing to. */
function batchFields(batchId: string, record: BatchRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [`batches.${batchId}.${field}`, value]));
}
