import type { SyncRunDoc } from '@trialwatch/store';

export interface RunTotals {
  totalCount: number;
  fetched: number;
  stored: number;
  changed: number;
  failed: number;
  unchanged: number;
  verified: number;
  removed: number;
  events: number;
}

export interface RunProgress {
  drained: boolean;
  /** Why the run cannot be called complete (empty when it can). */
  incompleteReasons: string[];
  totals: RunTotals;
  maxLastUpdatePostDate: string | null;
}

const PAGE_KEY = /^s(\d+)p(\d+)$/;
const FAILED_FETCH_KEY = /^fetch-s(\d+)-p\d+$/;

/** How a run's progress names a page of one of its searches: `s{search}p{page}`. */
export function pageKey(search: number, page: number): string {
  return `s${String(search)}p${String(page)}`;
}

/** How it names a page job that failed for good: `fetch-s{search}-p{page}`. */
export function failedFetchKey(search: number, page: number): string {
  return `fetch-s${String(search)}-p${String(page)}`;
}

/** The search a page key or a failed page job's key belongs to (null for any other key). */
export function searchOfKey(key: string): number | null {
  const match = PAGE_KEY.exec(key) ?? FAILED_FETCH_KEY.exec(key);
  return match ? Number(match[1]) : null;
}

/** Pure: where a run stands, from its progress entries alone. */
export function runProgress(run: SyncRunDoc): RunProgress {
  const reasons: string[] = [];
  let drained = true;
  const totals: RunTotals = {
    totalCount: 0,
    fetched: 0,
    stored: 0,
    changed: 0,
    failed: 0,
    unchanged: 0,
    verified: 0,
    removed: 0,
    events: 0,
  };
  let maxDate: string | null = null;

  for (let search = 0; search < run.searches.length; search += 1) {
    const pages = Object.entries(run.pages)
      .map(([key, page]) => ({ match: PAGE_KEY.exec(key), page }))
      .filter((entry) => entry.match !== null && Number(entry.match[1]) === search)
      .map((entry) => ({ index: Number(entry.match?.[2]), page: entry.page }))
      .sort((a, b) => a.index - b.index);
    const fetchFailed = Object.keys(run.failedJobs).some(
      (key) => FAILED_FETCH_KEY.test(key) && searchOfKey(key) === search,
    );
    const last = pages.at(-1);
    const contiguous = pages.every((entry, position) => entry.index === position);
    const chainEnded = last !== undefined && !last.page.hasNext && contiguous;
    if (!chainEnded && !fetchFailed) drained = false;
    const fetched = pages.reduce((sum, entry) => sum + entry.page.fetched, 0);
    const totalCount = pages[0]?.page.totalCount ?? null;
    totals.fetched += fetched;
    totals.totalCount += totalCount ?? fetched;
    for (const { page } of pages) {
      totals.failed += page.invalid;
      totals.unchanged += page.unchanged;
      totals.stored += page.unchanged;
      if (page.maxLastUpdatePostDate && (maxDate === null || page.maxLastUpdatePostDate > maxDate)) {
        maxDate = page.maxLastUpdatePostDate;
      }
    }
    if (fetchFailed) reasons.push(`search ${search}: a page could not be fetched`);
    else if (chainEnded && totalCount !== null && fetched !== totalCount) {
      reasons.push(`search ${search}: fetched ${fetched} of totalCount ${totalCount}`);
    }
  }

  const verifyEntries = Object.values(run.verify.batches);
  const verifyFailed = Object.keys(run.failedJobs).filter((key) => key.startsWith('verify-')).length;
  if (verifyEntries.length + verifyFailed < run.verify.planned) drained = false;
  if (verifyFailed > 0) reasons.push(`${verifyFailed} re-verification batch(es) failed`);
  for (const entry of verifyEntries) {
    totals.verified += entry.checked;
    totals.removed += entry.removed;
  }

  for (const batch of Object.values(run.batches)) {
    if (batch.deadLettered) {
      if (!batch.normalized) totals.failed += batch.size ?? 0;
      continue;
    }
    const detectDone = batch.detectBatchId === null || batch.detected === true;
    if (
      batch.size === undefined ||
      batch.normalized !== true ||
      batch.detectBatchId === undefined ||
      !detectDone
    ) {
      drained = false;
    }
    if (batch.origin === 'search') totals.stored += batch.stored ?? 0;
    totals.changed += batch.changed ?? 0;
    totals.failed += batch.failed ?? 0;
    totals.events += batch.events ?? 0;
  }
  if (Object.values(run.batches).some((batch) => batch.deadLettered))
    reasons.push('a batch was dead-lettered');

  return { drained, incompleteReasons: reasons, totals, maxLastUpdatePostDate: maxDate };
}
