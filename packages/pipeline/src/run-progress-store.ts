import type { BatchRecord, PageRecord, SyncRunDoc } from '@trialwatch/store';
import type { Redis } from 'ioredis';
import { searchOfKey } from './run-progress.js';

type Progress = Pick<SyncRunDoc, 'pages' | 'batches' | 'failedJobs'> & {
  verifyBatches: SyncRunDoc['verify']['batches'];
};

type VerifyResult = SyncRunDoc['verify']['batches'][string];

const RETAIN_SECONDS = 14 * 24 * 3600;

/**
 * A run's progress while it runs, in one Redis hash. Every step writes its own field with HSET, which
 * is atomic: stages finishing at the same moment never overwrite each other. (A document store that
 * rewrites whole documents on update — FerretDB does — would lose concurrent `$set`s on one run
 * document.) The finalizer copies the progress into the run's document.
 */
export class RunProgressStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(runId: string): string {
    return `${this.prefix}:run-progress:${runId}`;
  }

  private async write(runId: string, fields: Record<string, string>): Promise<void> {
    const key = this.key(runId);
    await this.redis.multi().hset(key, fields).expire(key, RETAIN_SECONDS).exec();
  }

  /** A fetched page, and the batches it queued. */
  async recordPage(
    runId: string,
    pageKey: string,
    page: PageRecord,
    batches: readonly { id: string; record: BatchRecord }[] = [],
  ): Promise<void> {
    const search = searchOfKey(pageKey);
    await this.write(runId, {
      [`page:${pageKey}`]: JSON.stringify(page),
      ...batchCreated(batches),
      // The search's page chain has a last page: see searchesSettled.
      ...(page.hasNext || search === null ? {} : { [settledField(search)]: '1' }),
    });
  }

  async recordVerifyBatch(
    runId: string,
    key: string,
    result: VerifyResult,
    batches: readonly { id: string; record: BatchRecord }[] = [],
  ): Promise<void> {
    await this.write(runId, { [`verify:${key}`]: JSON.stringify(result), ...batchCreated(batches) });
  }

  async recordNormalized(
    runId: string,
    batchId: string,
    result: { stored: number; changed: number; failed: number; detectBatchId: string | null },
  ): Promise<void> {
    await this.write(runId, {
      [`batch:${batchId}:normalized`]: JSON.stringify({ ...result, normalized: true }),
    });
  }

  async recordDetected(runId: string, batchId: string, events: number): Promise<void> {
    await this.write(runId, { [`batch:${batchId}:detected`]: JSON.stringify({ detected: true, events }) });
  }

  /**
   * Claim trials for one batch of this run: a trial served by two of the run's searches is processed by
   * the first batch that saw it. Idempotent per batch (a retried page keeps its claims). Returns the ids
   * this batch owns.
   */
  async claim(runId: string, batchId: string, nctIds: readonly string[]): Promise<Set<string>> {
    const owned = new Set<string>();
    if (nctIds.length === 0) return owned;
    const key = this.subKey(runId, 'claims');
    const pipeline = this.redis.multi();
    for (const nctId of nctIds) pipeline.hsetnx(key, nctId, batchId);
    pipeline.expire(key, RETAIN_SECONDS).hmget(key, ...nctIds);
    // One round trip: the owners are read in the same transaction, after the claims.
    const replies = (await pipeline.exec()) ?? [];
    const owners = (replies.at(-1)?.[1] ?? []) as (string | null)[];
    nctIds.forEach((nctId, index) => {
      if (owners[index] === batchId) owned.add(nctId);
    });
    return owned;
  }

  /** Event ids this run produced (a set: retries do not count twice). */
  async addEvents(runId: string, eventIds: readonly string[]): Promise<void> {
    await this.addMembers(runId, 'events', eventIds);
  }

  async eventCount(runId: string): Promise<number> {
    return this.redis.scard(this.subKey(runId, 'events'));
  }

  /** Trials whose head this run moved (a set: a trial served by two searches counts once). */
  async markChanged(runId: string, nctIds: readonly string[]): Promise<void> {
    await this.addMembers(runId, 'changed', nctIds);
  }

  async changedCount(runId: string): Promise<number> {
    return this.redis.scard(this.subKey(runId, 'changed'));
  }

  private subKey(runId: string, name: 'claims' | 'events' | 'changed'): string {
    return `${this.key(runId)}:${name}`;
  }

  private async addMembers(
    runId: string,
    name: 'events' | 'changed',
    members: readonly string[],
  ): Promise<void> {
    if (members.length === 0) return;
    const key = this.subKey(runId, name);
    await this.redis
      .multi()
      .sadd(key, ...members)
      .expire(key, RETAIN_SECONDS)
      .exec();
  }

  /** A job that failed for good: the run must not wait for it. Keys are stored as document keys later: no dots. */
  async recordFailedJob(runId: string, jobKey: string, reason: string, batchId?: string): Promise<void> {
    const search = searchOfKey(jobKey);
    await this.write(runId, {
      [`failed:${jobKey}`]: reason,
      ...(batchId ? { [`batch:${batchId}:dead`]: JSON.stringify({ deadLettered: true }) } : {}),
      // A page that failed for good ends its search's chain too.
      ...(search === null ? {} : { [settledField(search)]: '1' }),
    });
  }

  /**
   * Whether every search of the run has ended its page chain (a last page, or a page that failed for good):
   * a condition the run needs before it can be drained, read in one HMGET. The whole progress (one field
   * per page and batch: 29 ms to read and fold at 2,400 pages, measured) is read only once it holds, so a
   * registry-scale run does not pay that after every job.
   */
  async searchesSettled(runId: string, searches: number): Promise<boolean> {
    if (searches === 0) return true;
    const fields = Array.from({ length: searches }, (_, index) => settledField(index));
    const values = await this.redis.hmget(this.key(runId), ...fields);
    return values.every((value) => value !== null);
  }

  async load(runId: string): Promise<Progress> {
    const fields = await this.redis.hgetall(this.key(runId));
    const progress: Progress = { pages: {}, batches: {}, failedJobs: {}, verifyBatches: {} };
    for (const [field, value] of Object.entries(fields)) {
      const [kind, id, part] = splitField(field);
      if (kind === 'page') progress.pages[id] = JSON.parse(value) as PageRecord;
      else if (kind === 'verify') progress.verifyBatches[id] = JSON.parse(value) as VerifyResult;
      else if (kind === 'failed') progress.failedJobs[id] = value;
      else if (kind === 'batch' && part) {
        progress.batches[id] = { ...progress.batches[id], ...(JSON.parse(value) as BatchRecord) };
      }
    }
    return progress;
  }

  /** The run document with its live progress merged in. */
  async snapshot(run: SyncRunDoc): Promise<SyncRunDoc> {
    if (run.status !== 'running') return run;
    const progress = await this.load(run._id);
    return {
      ...run,
      pages: progress.pages,
      batches: progress.batches,
      failedJobs: progress.failedJobs,
      verify: { planned: run.verify.planned, batches: progress.verifyBatches },
    };
  }
}

function settledField(search: number): string {
  return `settled:s${String(search)}`;
}

function batchCreated(batches: readonly { id: string; record: BatchRecord }[]): Record<string, string> {
  return Object.fromEntries(
    batches.map((batch) => [`batch:${batch.id}:created`, JSON.stringify(batch.record)]),
  );
}

/** `batch:s0p3:normalized` → ['batch', 's0p3', 'normalized']; ids never contain ':'. */
function splitField(field: string): [string, string, string | undefined] {
  const first = field.indexOf(':');
  const kind = field.slice(0, first);
  const rest = field.slice(first + 1);
  if (kind !== 'batch') return [kind, rest, undefined];
  const last = rest.lastIndexOf(':');
  return [kind, rest.slice(0, last), rest.slice(last + 1)];
}
