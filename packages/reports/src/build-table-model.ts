import type { BaselineRow } from '@trialwatch/baseline';
import { COMBINATION_CATEGORIES } from '@trialwatch/domain';
import type { EventDoc, SyncRunDoc, TrialDoc } from '@trialwatch/store';
import { compareStatus, isStatusMove } from './baseline-drift.js';
import type {
  CategoryCount,
  StatusSegment,
  TableModel,
  TableRow,
  TableSection,
} from './table-model.schema.js';

/** The event types that move a trial's status (what the timeline draws). */
export const STATUS_EVENT_TYPES = ['trial_added', 'status_changed', 'trial_removed'] as const;

export type StatusEvent = Pick<
  EventDoc,
  'nctId' | 'type' | 'from' | 'to' | 'lastUpdatePostDate' | 'detectedAt'
>;

export interface TableModelInput {
  cohort: string;
  baseline: { name: string; source: string; importedAt: Date; rows: readonly BaselineRow[] } | null;
  /** The cohort's members and the baseline's trials (one document each; order does not matter). */
  trials: readonly TrialDoc[];
  /** Status events of these trials (other trials' events are ignored). */
  statusEvents: readonly StatusEvent[];
  /** The newest finished sync run of the cohort, if any. */
  latestRun: Pick<SyncRunDoc, '_id' | 'dataTimestamp' | 'finishedAt'> | null;
  now: Date;
  /** Also list cohort members that are not combination trials (a last section). */
  includeOthers: boolean;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** The live table of a cohort, from its trials, its baseline, its status events and its newest run. Pure. */
export function buildTableModel(input: TableModelInput): TableModel {
  const docs = new Map(input.trials.map((doc) => [doc._id, doc]));
  const eventsByTrial = groupEvents(input.statusEvents, docs);
  const dataDay = dataDate(input.latestRun, input.now);
  const rowOf = (nctId: string, published: BaselineRow | null): TableRow =>
    buildRow(nctId, docs.get(nctId), published, eventsByTrial.get(nctId) ?? [], dataDay);

  const sections: TableSection[] = [];
  const baselineIds = new Set(input.baseline?.rows.map((row) => row.nctId));
  if (input.baseline) {
    sections.push({
      id: 'baseline',
      title: `${input.baseline.name}: the ${input.baseline.rows.length} trials as published, and now`,
      rows: input.baseline.rows.map((row) => rowOf(row.nctId, row)),
    });
  }
  const members = [...docs.values()]
    .filter((doc) => doc.cohorts.includes(input.cohort) && !baselineIds.has(doc._id))
    .sort((a, b) => a._id.localeCompare(b._id));
  const combinations = members.filter((doc) => doc.trial.prrt.combination.isCombination);
  sections.push({
    id: 'combinations',
    title: input.baseline ? 'Other combination trials in the cohort' : 'Combination trials in the cohort',
    rows: combinations.map((doc) => rowOf(doc._id, null)),
  });
  if (input.includeOthers) {
    const others = members.filter((doc) => !doc.trial.prrt.combination.isCombination);
    sections.push({
      id: 'others',
      title: 'Other trials in the cohort',
      rows: others.map((doc) => rowOf(doc._id, null)),
    });
  }

  const allRows = sections.flatMap((section) => section.rows);
  const baselineRows = sections.find((section) => section.id === 'baseline')?.rows ?? [];
  const segments = allRows.flatMap((row) => row.timeline);
  return {
    cohort: input.cohort,
    baseline: input.baseline
      ? {
          name: input.baseline.name,
          source: input.baseline.source,
          importedAt: input.baseline.importedAt.toISOString(),
          trials: input.baseline.rows.length,
        }
      : null,
    data: input.latestRun
      ? {
          runId: input.latestRun._id,
          dataTimestamp: input.latestRun.dataTimestamp,
          finishedAt: input.latestRun.finishedAt?.toISOString() ?? null,
          date: dataDay,
        }
      : null,
    generatedAt: input.now.toISOString(),
    sections,
    categoryCounts: countCategories(baselineRows, allRows),
    summary: {
      listed: allRows.length,
      baselineTrials: baselineRows.length,
      statusMoved: allRows.filter((row) => row.statusMoved).length,
      notSynced: allRows.filter((row) => row.comparison === 'not-synced').length,
    },
    timeline:
      segments.length > 0
        ? {
            from: segments.map((segment) => segment.from).reduce((a, b) => (a < b ? a : b)),
            to: segments.map((segment) => segment.to).reduce((a, b) => (a > b ? a : b)),
          }
        : null,
  };
}

function dataDate(run: TableModelInput['latestRun'], now: Date): string {
  if (run?.dataTimestamp && ISO_DAY.test(run.dataTimestamp)) return run.dataTimestamp.slice(0, 10);
  if (run?.finishedAt) return day(run.finishedAt);
  return day(now);
}

function groupEvents(
  events: readonly StatusEvent[],
  docs: ReadonlyMap<string, TrialDoc>,
): Map<string, StatusEvent[]> {
  const grouped = new Map<string, StatusEvent[]>();
  for (const event of events) {
    if (!docs.has(event.nctId)) continue;
    const list = grouped.get(event.nctId) ?? [];
    list.push(event);
    grouped.set(event.nctId, list);
  }
  return grouped;
}

function buildRow(
  nctId: string,
  doc: TrialDoc | undefined,
  published: BaselineRow | null,
  events: readonly StatusEvent[],
  dataDay: string,
): TableRow {
  const comparison = published
    ? compareStatus(published.status, doc)
    : doc?.removed
      ? 'removed'
      : 'no-baseline';
  const trial = doc?.trial;
  return {
    nctId,
    trialId: trial?.acronym ?? published?.trialId ?? null,
    title: trial?.briefTitle ?? null,
    countries: trial?.countries ?? [],
    enrollment: trial?.enrollment ?? null,
    categories: trial?.prrt.combination.categories ?? [],
    partners: trial?.prrt.combination.partners ?? [],
    agents: trial?.prrt.agents ?? [],
    phases: trial?.phases ?? [],
    published: published
      ? {
          trialId: published.trialId,
          origin: published.origin,
          enrollment: published.estEnrollment,
          combinedWith: published.combinedWith,
          prrt: published.prrt,
          phase: published.phase,
          statusAsPublished: published.statusAsPublished,
          status: published.status,
        }
      : null,
    status: trial?.overallStatus ?? null,
    lastKnownStatus: trial?.lastKnownStatus ?? null,
    comparison,
    statusMoved: isStatusMove(comparison),
    lastUpdatePostDate: trial?.lastUpdatePostDate ?? null,
    timeline: doc ? statusTimeline(doc, events, dataDay) : [],
  };
}

function eventDay(event: StatusEvent): string {
  // A removal has no registry date of its own: it happened when TrialWatch stopped seeing the record.
  if (event.type !== 'trial_removed' && event.lastUpdatePostDate && ISO_DAY.test(event.lastUpdatePostDate)) {
    return event.lastUpdatePostDate.slice(0, 10);
  }
  return day(event.detectedAt);
}

const TYPE_ORDER: Record<string, number> = { trial_added: 0, status_changed: 1, trial_removed: 2 };

/** A trial's statuses over time, from its status events; the last one runs to the date of the data. */
export function statusTimeline(
  doc: TrialDoc,
  events: readonly StatusEvent[],
  endDay: string,
): StatusSegment[] {
  const firstDay = doc.versions[0]?.lastUpdatePostDate ?? day(doc.firstSeenAt);
  const ordered = [...events].sort(
    (a, b) =>
      eventDay(a).localeCompare(eventDay(b)) ||
      a.detectedAt.getTime() - b.detectedAt.getTime() ||
      (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9),
  );
  const opened: { status: string; from: string }[] = [];
  const open = (status: string, from: string) => {
    const last = opened.at(-1);
    if (last?.status === status) return;
    opened.push({ status, from: last && from < last.from ? last.from : from });
  };
  for (const event of ordered) {
    const at = eventDay(event);
    if (event.type === 'trial_added' && typeof event.to === 'string') open(event.to, at);
    else if (event.type === 'status_changed' && typeof event.to === 'string') {
      if (opened.length === 0 && typeof event.from === 'string')
        open(event.from, firstDay < at ? firstDay : at);
      open(event.to, at);
    } else if (event.type === 'trial_removed') open('REMOVED', at);
  }
  if (opened.length === 0) open(doc.removed ? 'REMOVED' : doc.trial.overallStatus, firstDay);
  return opened.map((segment, index) => {
    const next = opened[index + 1]?.from ?? endDay;
    return { status: segment.status, from: segment.from, to: next < segment.from ? segment.from : next };
  });
}

function countCategories(baselineRows: readonly TableRow[], allRows: readonly TableRow[]): CategoryCount[] {
  const count = (rows: readonly TableRow[], category: CategoryCount['category']) =>
    rows.filter(
      (row) =>
        row.comparison !== 'not-synced' &&
        (category === 'none' ? row.categories.length === 0 : row.categories.includes(category)),
    ).length;
  return [...COMBINATION_CATEGORIES, 'none' as const].map((category) => ({
    category,
    baseline: count(baselineRows, category),
    listed: count(allRows, category),
  }));
}
