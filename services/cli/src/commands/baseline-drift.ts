import type { Store } from '@trialwatch/store';
import { CliFailure } from '../cli-error.js';

export interface BaselineDriftRow {
  nctId: string;
  trialId: string | null;
  statusAsPublished: string;
  /** The registry value the printed status maps to (null when it is not a registry status). */
  publishedStatus: string | null;
  currentStatus: string | null;
  lastKnownStatus: string | null;
  /** True when the current status differs from the mapped published one (or the trial is gone). */
  changed: boolean;
  lastUpdatePostDate: string | null;
  removed: boolean;
}

interface StoredRow {
  nctId: string;
  trialId: string | null;
  statusAsPublished: string;
  status: string | null;
}

/** For each row of a published table: what it printed, what that means in registry terms, what holds now. */
export async function baselineDrift(store: Store, cohort: string, name: string): Promise<BaselineDriftRow[]> {
  const baseline = await store.baselines.get(cohort, name);
  if (!baseline) {
    throw new CliFailure(`no baseline ${cohort}/${name}; import one with \`trialwatch baseline import FILE --cohort ${cohort} --name ${name}\``);
  }
  const rows = baseline.rows as StoredRow[];
  const trials = new Map((await store.trials.find({ _id: { $in: rows.map((row) => row.nctId) } }).toArray()).map((doc) => [doc._id, doc]));
  return rows.map((row) => {
    const doc = trials.get(row.nctId);
    const currentStatus = doc?.trial.overallStatus ?? null;
    return {
      nctId: row.nctId,
      trialId: row.trialId,
      statusAsPublished: row.statusAsPublished,
      publishedStatus: row.status,
      currentStatus,
      lastKnownStatus: doc?.trial.lastKnownStatus ?? null,
      changed: doc?.removed === true || (currentStatus !== null && currentStatus !== row.status),
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
