import type { Store, TrialDoc } from '@trialwatch/store';
import { parseBaselineRows } from './baseline-drift.js';
import { buildTableModel, STATUS_EVENT_TYPES, type StatusEvent } from './build-table-model.js';
import type { TableModel } from './table-model.schema.js';

export interface LoadTableOptions {
  cohort: string;
  /** The baseline to compare with (default `table2`); a cohort without it gets the page without that column. */
  baseline?: string;
  includeOthers?: boolean;
  now?: Date;
}

/**
 * Read what the live table needs (scans without $lookup: FerretDB indexes only `_id`) and build it. Null when
 * the cohort is unknown: no cohort document, no baseline and no member.
 */
export async function loadTableModel(store: Store, options: LoadTableOptions): Promise<TableModel | null> {
  const { cohort } = options;
  const baselineName = options.baseline ?? 'table2';
  const [cohortDoc, baselineDoc] = await Promise.all([
    store.cohorts.get(cohort),
    store.baselines.get(cohort, baselineName),
  ]);
  const baselineRows = baselineDoc ? parseBaselineRows(baselineDoc) : null;
  const members = await store.trials.find({ cohorts: cohort }).toArray();
  if (!cohortDoc && !baselineDoc && members.length === 0) return null;

  const known = new Set(members.map((doc) => doc._id));
  const missing = (baselineRows ?? []).map((row) => row.nctId).filter((id) => !known.has(id));
  const extra: TrialDoc[] = missing.length > 0 ? await store.trials.getMany(missing) : [];
  const trials = [...members, ...extra];
  const ids = new Set(trials.map((doc) => doc._id));

  const statusEvents: StatusEvent[] = [];
  for await (const event of store.events.find({ types: STATUS_EVENT_TYPES })) {
    if (ids.has(event.nctId)) {
      statusEvents.push({
        nctId: event.nctId,
        type: event.type,
        from: event.from,
        to: event.to,
        lastUpdatePostDate: event.lastUpdatePostDate,
        detectedAt: event.detectedAt,
      });
    }
  }
  const runs = await store.runs.list({ scope: `cohort-${cohort}`, limit: 20 }).toArray();
  const latestRun = runs.find((run) => run.finishedAt !== null) ?? null;

  return buildTableModel({
    cohort,
    baseline:
      baselineDoc && baselineRows
        ? {
            name: baselineDoc.name,
            source: baselineDoc.source,
            importedAt: baselineDoc.importedAt,
            rows: baselineRows,
          }
        : null,
    trials,
    statusEvents,
    latestRun,
    now: options.now ?? new Date(),
    includeOthers: options.includeOthers ?? true,
  });
}
