import type { Trial } from '@trialwatch/domain';
import {
  toEventView,
  type EventDoc,
  type EventView,
  type TrialDoc,
  type TrialVersionDoc,
} from '@trialwatch/store';
import type { CellValue } from './csv.js';

export const EXPORT_KINDS = ['trials', 'events', 'versions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn<Rec> {
  name: string;
  value: (record: Rec) => CellValue;
}

/** How one kind of document becomes an NDJSON object and a CSV row. */
export interface ExportSpec<Doc, Rec> {
  /** Fields the export reads (a MongoDB projection), so the cursor carries nothing else. */
  projection: Record<string, 0 | 1>;
  toRecord(doc: Doc): Rec;
  columns: readonly ExportColumn<Rec>[];
}

/** NDJSON of `--what trials`: the Trial with its head's pointers. */
export type TrialRecord = Trial & {
  versionId: string;
  lastChangedAt: string;
  cohorts: string[];
  removed: boolean;
};

/** NDJSON of `--what versions`. */
export interface VersionRecord {
  versionId: string;
  nctId: string;
  detectedAt: string;
  runId: string;
  lastUpdatePostDate: string | null;
  trial: Trial;
}

/** A nested value as one readable cell: dates as printed, enrollment as its count, sites as "facility, city, country". */
export function flattenValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item) => String(flattenValue(item) ?? ''));
  if (typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  if ('raw' in record && 'precision' in record) return record.raw as string;
  if ('count' in record && 'type' in record) return record.count as number | null;
  if ('facility' in record && 'country' in record) {
    return [record.facility, record.city, record.country]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(', ');
  }
  if ('agents' in record && 'combination' in record) {
    const prrt = record as { agents: string[]; combination: { categories: string[]; partners: string[] } };
    return `agents=${prrt.agents.join('+')} categories=${prrt.combination.categories.join('+')} partners=${prrt.combination.partners.join('+')}`;
  }
  return JSON.stringify(value);
}

const dateType = (date: Trial['startDate']) => date?.type ?? null;

/** The Trial's columns, flattened; lists are joined with `; ` by the CSV writer. */
function trialColumns<Rec>(trialOf: (record: Rec) => Trial): ExportColumn<Rec>[] {
  const column = (name: string, value: (trial: Trial) => CellValue): ExportColumn<Rec> => ({
    name,
    value: (record) => value(trialOf(record)),
  });
  return [
    column('nctId', (t) => t.nctId),
    column('acronym', (t) => t.acronym),
    column('briefTitle', (t) => t.briefTitle),
    column('overallStatus', (t) => t.overallStatus),
    column('lastKnownStatus', (t) => t.lastKnownStatus),
    column('whyStopped', (t) => t.whyStopped),
    column('studyType', (t) => t.studyType),
    column('phases', (t) => t.phases),
    column('enrollmentCount', (t) => t.enrollment?.count ?? null),
    column('enrollmentType', (t) => t.enrollment?.type ?? null),
    column('startDate', (t) => t.startDate?.raw ?? null),
    column('startDateType', (t) => dateType(t.startDate)),
    column('primaryCompletionDate', (t) => t.primaryCompletionDate?.raw ?? null),
    column('primaryCompletionDateType', (t) => dateType(t.primaryCompletionDate)),
    column('completionDate', (t) => t.completionDate?.raw ?? null),
    column('completionDateType', (t) => dateType(t.completionDate)),
    column('studyFirstPostDate', (t) => t.studyFirstPostDate),
    column('resultsFirstPostDate', (t) => t.resultsFirstPostDate),
    column('lastUpdatePostDate', (t) => t.lastUpdatePostDate),
    column('hasResults', (t) => t.hasResults),
    column('leadSponsor', (t) => t.leadSponsor?.name ?? null),
    column('leadSponsorClass', (t) => t.leadSponsor?.class ?? null),
    column('collaborators', (t) => t.collaborators.map((organization) => organization.name)),
    column('conditions', (t) => t.conditions),
    column('keywords', (t) => t.keywords),
    column('countries', (t) => t.countries),
    column('locationCount', (t) => t.locationCount),
    column('interventions', (t) => t.interventions.map((intervention) => intervention.name)),
    column('prrtAgents', (t) => t.prrt.agents),
    column('isCombination', (t) => t.prrt.combination.isCombination),
    column('combinationCategories', (t) => t.prrt.combination.categories),
    column('combinationPartners', (t) => t.prrt.combination.partners),
    column('contentHash', (t) => t.contentHash),
  ];
}

export const trialsExport: ExportSpec<TrialDoc, TrialRecord> = {
  projection: { trial: 1, versionId: 1, lastChangedAt: 1, cohorts: 1, removed: 1 },
  toRecord: (doc) => ({
    ...doc.trial,
    versionId: doc.versionId,
    lastChangedAt: doc.lastChangedAt.toISOString(),
    cohorts: doc.cohorts,
    removed: doc.removed,
  }),
  columns: [
    ...trialColumns<TrialRecord>((record) => record),
    { name: 'versionId', value: (record) => record.versionId },
    { name: 'lastChangedAt', value: (record) => record.lastChangedAt },
    { name: 'cohorts', value: (record) => record.cohorts },
    { name: 'removed', value: (record) => record.removed },
  ],
};

export const versionsExport: ExportSpec<TrialVersionDoc, VersionRecord> = {
  projection: { nctId: 1, trial: 1, runId: 1, lastUpdatePostDate: 1, detectedAt: 1 },
  toRecord: (doc) => ({
    versionId: doc._id,
    nctId: doc.nctId,
    detectedAt: doc.detectedAt.toISOString(),
    runId: doc.runId,
    lastUpdatePostDate: doc.lastUpdatePostDate,
    trial: doc.trial,
  }),
  columns: [
    { name: 'versionId', value: (record) => record.versionId },
    { name: 'detectedAt', value: (record) => record.detectedAt },
    { name: 'runId', value: (record) => record.runId },
    ...trialColumns<VersionRecord>((record) => record.trial),
  ],
};

export const eventsExport: ExportSpec<EventDoc, EventView> = {
  projection: {},
  toRecord: toEventView,
  columns: [
    { name: 'id', value: (event) => event.id },
    { name: 'nctId', value: (event) => event.nctId },
    { name: 'type', value: (event) => event.type },
    { name: 'field', value: (event) => event.field },
    { name: 'from', value: (event) => flattenValue(event.from) },
    { name: 'to', value: (event) => flattenValue(event.to) },
    { name: 'kind', value: (event) => event.kind },
    { name: 'registryGenerated', value: (event) => event.registryGenerated },
    { name: 'added', value: (event) => flattenValue(event.added) },
    { name: 'removed', value: (event) => flattenValue(event.removed) },
    { name: 'detectedAt', value: (event) => event.detectedAt },
    { name: 'runId', value: (event) => event.runId },
    { name: 'lastUpdatePostDate', value: (event) => event.lastUpdatePostDate },
  ],
};
