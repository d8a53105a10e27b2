import type { Collection, Filter } from 'mongodb';
import type { RunStatus, StoredWatermark, SyncRunDoc, WatermarkDoc } from './documents.js';
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
    private readonly watermarks: Collection<StoredWatermark>,
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

  /**
   * A scope's watermark: the newest completed run's mark, with the newest LastUpdatePostDate any completed
   * run of the scope saw. Marks are insert-only (see advanceWatermark); a scope's document written before
   * them, keyed by the scope alone, is read too.
   */
  async watermark(scope: string): Promise<WatermarkDoc | null> {
    const [legacy, marks] = await Promise.all([
      this.watermarks.findOne({ _id: scope }),
      // `_id`s from `${scope}@` to just before `${scope}A` ('A' follows '@'), kept when their scope is this one.
      this.watermarks.find({ _id: { $gte: `${scope}@`, $lt: `${scope}A` } }).toArray(),
    ]);
    const all = [...(legacy ? [legacy] : []), ...marks.filter((mark) => mark.scope === scope)];
    const newest = all.reduce<StoredWatermark | null>(
      (best, mark) =>
        !best ||
        mark.lastCompletedAt > best.lastCompletedAt ||
        (mark.lastCompletedAt.getTime() === best.lastCompletedAt.getTime() &&
          mark.lastCompletedRunId > best.lastCompletedRunId)
          ? mark
          : best,
      null,
    );
    if (!newest) return null;
    const dates = all.flatMap((mark) => (mark.maxLastUpdatePostDate ? [mark.maxLastUpdatePostDate] : []));
    return {
      _id: scope,
      lastCompletedRunId: newest.lastCompletedRunId,
      lastCompletedAt: newest.lastCompletedAt,
      maxLastUpdatePostDate: dates.sort().at(-1) ?? null,
    };
  }

  /**
   * Record a completed run's mark; the watermark is the newest mark, so it never moves back. Insert-only
   * (one document per completed run, keyed by scope, time and run): FerretDB does not make a conditional
   * update atomic under concurrency (8 racing finalizers left an older mark in a test run here), a unique
   * insert is. Idempotent: a retried finalizer inserts the same key.
   */
  async advanceWatermark(mark: WatermarkDoc): Promise<void> {
    const { _id: scope, ...fields } = mark;
    await insertNew(this.watermarks, [
      { _id: `${scope}@${mark.lastCompletedAt.toISOString()}@${mark.lastCompletedRunId}`, scope, ...fields },
    ]);
  }
}
