import type { SyncRunDoc } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { failedFetchKey, pageKey, runProgress, searchOfKey } from './run-progress.js';

function run(overrides: Partial<SyncRunDoc> = {}): SyncRunDoc {
  return {
    _id: 'run_x',
    scope: 'all',
    cohort: null,
    mode: 'full',
    trigger: 'cli',
    searches: [{}],
    windowFrom: null,
    status: 'running',
    startedAt: new Date(0),
    finishedAt: null,
    dataTimestamp: null,
    dataTimestampStale: false,
    pages: {},
    batches: {},
    verify: { planned: 0, batches: {} },
    failedJobs: {},
    summary: null,
    ...overrides,
  };
}

const page = (fetched: number, hasNext: boolean, totalCount: number | null = null) => ({
  fetched,
  totalCount,
  hasNext,
  invalid: 0,
  unchanged: 0,
  queued: fetched,
  batchId: null,
  maxLastUpdatePostDate: '2025-01-02',
  attempts: 1,
});

describe('runProgress', () => {
  it('is not drained while a page chain has not reached a page without a token', () => {
    expect(runProgress(run({ pages: { s0p0: page(2, true, 4) } })).drained).toBe(false);
  });

  it('is not drained when a page in the middle is missing', () => {
    expect(runProgress(run({ pages: { s0p0: page(2, true, 4), s0p2: page(0, false) } })).drained).toBe(false);
  });

  it('waits for every batch to be normalized and detected, in whatever order stages reported', () => {
    const pages = { s0p0: page(2, true, 4), s0p1: page(2, false) };
    const created = { origin: 'search' as const, size: 2 };
    const halfway = run({
      pages,
      batches: { s0p0: { ...created, detected: true, events: 2 }, s0p1: { ...created } },
    });
    expect(runProgress(halfway).drained).toBe(false);
    const done = run({
      pages,
      batches: {
        s0p0: {
          ...created,
          normalized: true,
          stored: 2,
          changed: 2,
          failed: 0,
          detectBatchId: 's0p0',
          detected: true,
          events: 2,
        },
        s0p1: { ...created, normalized: true, stored: 2, changed: 0, failed: 0, detectBatchId: null },
      },
    });
    const progress = runProgress(done);
    expect(progress.drained).toBe(true);
    expect(progress.incompleteReasons).toEqual([]);
    expect(progress.totals).toMatchObject({ totalCount: 4, fetched: 4, stored: 4, changed: 2, failed: 0 });
    expect(progress.maxLastUpdatePostDate).toBe('2025-01-02');
  });

  it('calls a run incomplete when fetched falls short of totalCount', () => {
    const progress = runProgress(run({ pages: { s0p0: page(4, false, 10) }, batches: {} }));
    expect(progress.drained).toBe(true);
    expect(progress.incompleteReasons).toEqual(['search 0: fetched 4 of totalCount 10']);
  });

  it('does not wait for a dead-lettered page or batch, and says why the run is incomplete', () => {
    const progress = runProgress(
      run({
        pages: { s0p0: page(2, true, 4) },
        batches: { s0p0: { origin: 'search', size: 2, deadLettered: true } },
        failedJobs: { 'fetch-s0-p1': 'upstream kept failing', 'normalize-s0p0': 'boom' },
      }),
    );
    expect(progress.drained).toBe(true);
    expect(progress.totals.failed).toBe(2);
    expect(progress.incompleteReasons).toEqual([
      'search 0: a page could not be fetched',
      'a batch was dead-lettered',
    ]);
  });

  it('waits for every planned re-verification batch', () => {
    const base = {
      pages: { s0p0: page(0, false, 0) },
      verify: { planned: 2, batches: { v0: { checked: 5, removed: 1, queued: 0, batchId: null } } },
    };
    expect(runProgress(run(base)).drained).toBe(false);
    const done = runProgress(run({ ...base, failedJobs: { 'verify-v1': 'registry down' } }));
    expect(done.drained).toBe(true);
    expect(done.totals).toMatchObject({ verified: 5, removed: 1 });
    expect(done.incompleteReasons).toEqual(['1 re-verification batch(es) failed']);
  });
});

describe('progress keys', () => {
  it('name pages and failed page jobs, and give back their search', () => {
    expect(pageKey(2, 17)).toBe('s2p17');
    expect(failedFetchKey(2, 17)).toBe('fetch-s2-p17');
    expect(searchOfKey(pageKey(2, 17))).toBe(2);
    expect(searchOfKey(failedFetchKey(11, 0))).toBe(11);
    expect(searchOfKey('verify-v0')).toBeNull();
    expect(searchOfKey('normalize-s0p0b0')).toBeNull();
    expect(searchOfKey('s0p0b0')).toBeNull();
  });
});
