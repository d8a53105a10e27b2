import { createHash, randomBytes } from 'node:crypto';
import { checkedKey, type FetchContext } from '@trialwatch/pipeline';
import type { CohortDoc, SearchSpec, SyncRunDoc } from '@trialwatch/store';
import { DEFAULT_COHORTS } from './default-cohorts.js';
import { incrementalWindowFrom } from './sync-window.js';

/** What to sync: a cohort (the default `prrt`), every study the source serves, a query, or ids. */
export type SyncTarget =
  | { kind: 'cohort'; name: string }
  | { kind: 'all' }
  | { kind: 'query'; term: string }
  | { kind: 'ids'; ids: readonly string[] };

export interface SyncRequest {
  target: SyncTarget;
  /** Ignore the incremental watermark. */
  full: boolean;
  trigger: SyncRunDoc['trigger'];
}

export class UnknownCohortError extends Error {
  override readonly name = 'UnknownCohortError';
  readonly retryable = false;
  readonly kind = 'unknown_cohort';
}

const DATA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** How old the registry's data is (its dataTimestamp, UTC without a zone), in hours at `now`. */
export function dataAgeHours(dataTimestamp: string, now: number): number {
  return (now - Date.parse(`${dataTimestamp.slice(0, 19)}Z`)) / 3_600_000;
}

/** Insert the built-in cohorts that are missing (never overwriting a user's edits). */
export async function ensureDefaultCohorts(context: Pick<FetchContext, 'store'>): Promise<void> {
  for (const cohort of DEFAULT_COHORTS) await context.store.cohorts.ensure(cohort);
}

/**
 * Open a sync run: resolve its searches and incremental window, read the registry's data timestamp,
 * plan the rolling re-verification, record the run, and queue the first page of every search.
 */
export async function openSyncRun(context: FetchContext, request: SyncRequest): Promise<SyncRunDoc> {
  const { scope, cohort, searches } = await resolveTarget(context, request.target);
  const watermark = request.full ? null : await context.store.runs.watermark(scope);
  const windowFrom = incrementalWindowFrom(watermark);
  const now = context.now();

  const version = await context.client.getVersion();
  const dataTimestamp = DATA_TIMESTAMP.test(version.dataTimestamp) ? version.dataTimestamp : null;
  const ageHours = dataTimestamp ? dataAgeHours(dataTimestamp, now.getTime()) : null;
  const stale = ageHours === null || ageHours > context.settings.staleDataHours;
  if (stale) {
    context.logger.warn(
      { dataTimestamp: version.dataTimestamp, dataAgeHours: ageHours },
      'registry data timestamp is stale or unreadable',
    );
  }

  const toVerify = await context.redis.zrange(
    checkedKey(context.settings.prefix, scope),
    0,
    context.settings.verifyLimit - 1,
  );
  const verifyBatches: string[][] = [];
  for (let start = 0; start < toVerify.length; start += context.settings.verifyBatchSize) {
    verifyBatches.push(toVerify.slice(start, start + context.settings.verifyBatchSize));
  }

  const run: SyncRunDoc = {
    _id: newRunId(now),
    scope,
    cohort: cohort?._id ?? null,
    mode: windowFrom ? 'incremental' : 'full',
    trigger: request.trigger,
    searches,
    windowFrom,
    status: 'running',
    startedAt: now,
    finishedAt: null,
    dataTimestamp,
    dataTimestampStale: stale,
    pages: {},
    batches: {},
    verify: { planned: verifyBatches.length, batches: {} },
    failedJobs: {},
    summary: null,
  };
  await context.store.runs.create({ ...run, verifyPlanned: verifyBatches.length });
  for (const [searchIndex] of searches.entries()) {
    await context.queues.enqueue('fetch', { runId: run._id, searchIndex, pageIndex: 0, pageToken: null });
  }
  for (const [batchIndex, nctIds] of verifyBatches.entries()) {
    await context.queues.enqueue('verify', { runId: run._id, batchIndex, nctIds });
  }
  context.logger.info(
    { runId: run._id, scope, windowFrom, searches: searches.length, verify: toVerify.length },
    'sync run opened',
  );
  return run;
}

async function resolveTarget(
  context: Pick<FetchContext, 'store'>,
  target: SyncTarget,
): Promise<{ scope: string; cohort: CohortDoc | null; searches: SearchSpec[] }> {
  switch (target.kind) {
    case 'all':
      return { scope: 'all', cohort: null, searches: [{}] };
    case 'query':
      return { scope: `query-${digest(target.term)}`, cohort: null, searches: [{ queryTerm: target.term }] };
    case 'ids': {
      const ids = [...new Set(target.ids)].sort();
      return { scope: `ids-${digest(ids.join(','))}`, cohort: null, searches: [{ filterIds: ids }] };
    }
    case 'cohort': {
      await ensureDefaultCohorts(context);
      const cohort = await context.store.cohorts.get(target.name);
      if (!cohort) throw new UnknownCohortError(`no cohort named "${target.name}"`);
      const searches: SearchSpec[] = [
        ...(cohort.ids.length > 0 ? [{ filterIds: cohort.ids }] : []),
        ...cohort.searches,
      ];
      return { scope: `cohort-${cohort._id}`, cohort, searches };
    }
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function newRunId(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `run_${stamp}_${randomBytes(3).toString('hex')}`;
}
