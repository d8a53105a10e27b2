import type { Collection, Filter } from 'mongodb';
import type { RunStatus, SyncRunDoc, WatermarkDoc } from './documents.js';
import { insertNew } from './store.js';

export type NewRun = Omit<
  SyncRunDoc,
  'pages' | 'batches' | 'verify' | 'failedJobs' | 'summary' | 'finishedAt' | 'status'
> & {
  verifyPlanned: number;
};

/**
 * Sync runs: opened by one writer, closed by one writer (the live progress in between is kept in Redis,
 * see RunProgressStore, because concurrent partial updates of one document are not safe on FerretDB).
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

  /** Close a running run exactly once; false when another worker closed it first. */
  async finish(
    run: Pick<SyncRunDoc, '_id' | 'pages' | 'batches' | 'verify' | 'failedJobs'>,
    status: Exclude<RunStatus, 'running'>,
    summary: SyncRunDoc['summary'],
    now: Date,
  ): Promise<boolean> {
    // One finalizer job per run; read-then-write by `_id` (a guard field in the filter would scan).
    const current = await this.runs.findOne({ _id: run._id }, { projection: { status: 1 } });
    if (current?.status !== 'running') return false;
    const result = await this.runs.updateOne(
      { _id: run._id },
      {
        $set: {
          status,
          summary,
          finishedAt: now,
          pages: run.pages,
          batches: run.batches,
          verify: run.verify,
          failedJobs: run.failedJobs,
        },
      },
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

  /**
   * Move the scope's watermark forward, never back, atomically: concurrent finalizers of one scope (or a
   * retried one) leave the newest. A conditional update (the collection holds one document per scope, so
   * FerretDB's scan for the guard is cheap), else the first insert, else the update again.
   */
  async advanceWatermark(mark: WatermarkDoc): Promise<void> {
    const { _id, ...fields } = mark;
    const moveForward = () =>
      this.watermarks.updateOne({ _id, lastCompletedAt: { $lt: mark.lastCompletedAt } }, { $set: fields });
    if ((await moveForward()).matchedCount > 0) return;
    if ((await insertNew(this.watermarks, [mark])) > 0) return;
    await moveForward();
  }
}
