import { BaselineRow } from '@trialwatch/baseline';
import type { BaselineDoc, Store, TrialDoc } from '@trialwatch/store';

/** The cohort has no baseline of that name (import one with `trialwatch baseline import`). */
export class BaselineNotFoundError extends Error {
  override readonly name = 'BaselineNotFoundError';
  constructor(
    readonly cohort: string,
    readonly baselineName: string,
  ) {
    super(`no baseline ${cohort}/${baselineName}`);
  }
}

/**
 * How the status printed in a published table compares with the trial now:
 * `changed` (the registry moved it), `same`, `unmapped` (the table printed something that is not a registry
 * status, such as "Abstract published": nothing to compare), `not-synced` (no record yet), `removed`.
 */
export type StatusComparison = 'same' | 'changed' | 'unmapped' | 'not-synced' | 'removed';

export function compareStatus(
  publishedStatus: string | null,
  doc: Pick<TrialDoc, 'removed' | 'trial'> | undefined,
): StatusComparison {
  if (!doc) return 'not-synced';
  if (doc.removed) return 'removed';
  if (publishedStatus === null) return 'unmapped';
  return doc.trial.overallStatus === publishedStatus ? 'same' : 'changed';
}

/** A comparison worth flagging to a reader. */
export function isStatusMove(comparison: StatusComparison | 'no-baseline'): boolean {
  return comparison === 'changed' || comparison === 'removed';
}

export interface BaselineDriftRow {
  nctId: string;
  trialId: string | null;
  statusAsPublished: string;
  /** The registry value the printed status maps to (null when it is not a registry status). */
  publishedStatus: string | null;
  currentStatus: string | null;
  lastKnownStatus: string | null;
  comparison: StatusComparison;
  /** True when the registry status moved since publication, or the trial is gone (see compareStatus). */
  changed: boolean;
  lastUpdatePostDate: string | null;
  removed: boolean;
}

/** The rows of a stored baseline, parsed at the boundary. */
export function parseBaselineRows(baseline: Pick<BaselineDoc, 'rows'>): BaselineRow[] {
  return BaselineRow.array().parse(baseline.rows);
}

/** For each row of a published table: what it printed, what that means in registry terms, what holds now. */
export async function baselineDrift(store: Store, cohort: string, name: string): Promise<BaselineDriftRow[]> {
  const baseline = await store.baselines.get(cohort, name);
  if (!baseline) throw new BaselineNotFoundError(cohort, name);
  const rows = parseBaselineRows(baseline);
  const trials = new Map(
    (await store.trials.getMany(rows.map((row) => row.nctId))).map((doc) => [doc._id, doc]),
  );
  return rows.map((row) => {
    const doc = trials.get(row.nctId);
    const comparison = compareStatus(row.status, doc);
    return {
      nctId: row.nctId,
      trialId: row.trialId,
      statusAsPublished: row.statusAsPublished,
      publishedStatus: row.status,
      currentStatus: doc?.trial.overallStatus ?? null,
      lastKnownStatus: doc?.trial.lastKnownStatus ?? null,
      comparison,
      changed: isStatusMove(comparison),
      lastUpdatePostDate: doc?.trial.lastUpdatePostDate ?? null,
      removed: doc?.removed ?? false,
    };
  });
}

export function describeDrift(row: BaselineDriftRow): string {
  const now = row.removed
    ? 'no longer served'
    : row.currentStatus === null
      ? 'not synced yet'
      : `${row.currentStatus}${row.lastKnownStatus ? ` (last known ${row.lastKnownStatus})` : ''}`;
  const published = `${row.statusAsPublished}${row.publishedStatus ? '' : ' (not a registry status)'}`;
  return `${row.changed ? '*' : ' '} ${row.nctId}  ${(row.trialId ?? '').padEnd(11)}  published: ${published.padEnd(26)}  now: ${now}`;
}
