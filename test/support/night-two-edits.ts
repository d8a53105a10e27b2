import type { RealRecord } from './real-records.js';

/** An event as the exact-set assertions compare it (the fields a change carries, nothing else). */
export interface ExpectedEvent {
  nctId: string;
  type: string;
  field?: string;
  from?: unknown;
  to?: unknown;
  kind?: string;
  registryGenerated?: boolean;
  added?: unknown[];
  removed?: unknown[];
}

/** The second night of the real-records scenario: what to serve, and what must be flagged. */
export interface NightTwo {
  /** File name → new text, or null to delete it. Files not listed are served byte for byte as on night 1. */
  files: Map<string, string | null>;
  expected: ExpectedEvent[];
  /** Trials served identically. */
  untouched: string[];
  /** The trial whose only difference is derivedSection (versionHolder, reordered MeSH lists). */
  derivedOnly: string;
  /** The trials whose content changed (and whose lastUpdatePostDate moved). */
  changed: string[];
}

interface DateStruct {
  date: string;
  type?: string;
}
interface Location {
  facility?: string;
  city?: string;
  state?: string;
  country?: string;
  status?: string;
}
/** The parts of a record the edits touch, as the registry's JSON has them. */
interface EditableRecord {
  protocolSection: {
    statusModule: {
      overallStatus: string;
      lastKnownStatus?: string;
      whyStopped?: string;
      startDateStruct?: DateStruct;
      primaryCompletionDateStruct?: DateStruct;
      completionDateStruct?: DateStruct;
      resultsFirstSubmitDate?: string;
      resultsFirstPostDateStruct?: DateStruct;
      lastUpdatePostDateStruct?: DateStruct;
      lastUpdateSubmitDate?: string;
    };
    designModule?: { phases?: string[]; enrollmentInfo?: { count?: number; type?: string } };
    armsInterventionsModule?: {
      interventions?: { type?: string; name: string; description?: string; armGroupLabels?: string[] }[];
    };
    contactsLocationsModule?: { locations?: Location[] };
  };
  derivedSection?: {
    miscInfoModule?: { versionHolder?: string };
    conditionBrowseModule?: Record<string, unknown>;
    interventionBrowseModule?: Record<string, unknown>;
  };
  hasResults?: boolean;
}

/** A date as events carry it: the raw string, its precision and its type. */
export function partialDate(
  raw: string,
  type: string | null,
): { raw: string; precision: string; type: string | null } {
  const precision = raw.length === 4 ? 'year' : raw.length === 7 ? 'month' : 'day';
  return { raw, precision, type };
}

const siteKey = (location: Location) => ({
  facility: location.facility ?? null,
  city: location.city ?? null,
  country: location.country ?? null,
});

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`the real record no longer has ${what}: update night-two-edits.ts`);
  return value;
}

/**
 * Plan night 2 over fresh copies of the ten real records of ../shared (made at test time, never committed):
 * one planted change of each kind the brief names, a derivedSection-only copy, an untouched record and a
 * removed file. Expected values come from the edits and the records themselves, not from the pipeline.
 */
export function planNightTwo(records: readonly RealRecord[], lastUpdatePostDate: string): NightTwo {
  const byId = new Map(records.map((record) => [record.nctId, record]));
  const files = new Map<string, string | null>();
  const expected: ExpectedEvent[] = [];
  const changed: string[] = [];

  const edit = (
    nctId: string,
    change: (record: EditableRecord, status: EditableRecord['protocolSection']['statusModule']) => void,
  ) => {
    const real = required(byId.get(nctId), nctId);
    const record = structuredClone(real.raw) as unknown as EditableRecord;
    const status = record.protocolSection.statusModule;
    change(record, status);
    status.lastUpdatePostDateStruct = { date: lastUpdatePostDate, type: 'ACTUAL' };
    status.lastUpdateSubmitDate = lastUpdatePostDate;
    files.set(real.file, JSON.stringify(record, null, 2));
    changed.push(nctId);
  };

  // A terminated trial rewords why it stopped.
  edit('NCT00184067', (_record, status) => {
    const from = required(status.whyStopped, 'whyStopped');
    status.whyStopped = 'The principal investigator left the institution; no successor was found.';
    expected.push({ nctId: 'NCT00184067', type: 'why_stopped_changed', from, to: status.whyStopped });
  });

  // Results posted.
  edit('NCT00841061', (record, status) => {
    record.hasResults = true;
    status.resultsFirstSubmitDate = '2026-11-02';
    status.resultsFirstPostDateStruct = { date: '2026-11-18', type: 'ACTUAL' };
    expected.push({ nctId: 'NCT00841061', type: 'results_posted', to: '2026-11-18' });
  });

  // A site removed and one added in a country the trial did not have.
  edit('NCT02210780', (record) => {
    const locations = required(record.protocolSection.contactsLocationsModule?.locations, 'locations');
    const before = new Set(locations.map((location) => location.country));
    const [gone] = locations.splice(0, 1);
    const added: Location = {
      facility: 'Centre Hospitalier Lyon Sud',
      city: 'Pierre-Bénite',
      country: 'France',
    };
    locations.push(added);
    const after = new Set(locations.map((location) => location.country));
    expected.push({
      nctId: 'NCT02210780',
      type: 'sites_changed',
      added: [siteKey(added)],
      removed: [siteKey(required(gone, 'a location'))],
    });
    expected.push({
      nctId: 'NCT02210780',
      type: 'countries_changed',
      added: [...after].filter((country) => !before.has(country)),
      removed: [...before].filter((country) => !after.has(country)),
    });
  });

  // A phase change and an intervention added.
  edit('NCT03064438', (record) => {
    const design = required(record.protocolSection.designModule, 'designModule');
    const from = required(design.phases, 'phases');
    design.phases = [...from, 'PHASE3'];
    expected.push({ nctId: 'NCT03064438', type: 'phase_changed', from, to: design.phases });
    const interventions = required(
      record.protocolSection.armsInterventionsModule?.interventions,
      'interventions',
    );
    interventions.push({
      type: 'DRUG',
      name: 'Emollient Cream',
      description: 'Background skin care',
      armGroupLabels: [],
    });
    expected.push({
      nctId: 'NCT03064438',
      type: 'interventions_changed',
      added: ['Emollient Cream'],
      removed: [],
    });
  });

  // Completion slips by six months; enrollment grows.
  edit('NCT03934567', (record, status) => {
    const completion = required(status.completionDateStruct, 'completionDateStruct');
    const from = partialDate(completion.date, completion.type ?? null);
    status.completionDateStruct = { date: '2026-04-30', type: 'ESTIMATED' };
    expected.push({
      nctId: 'NCT03934567',
      type: 'date_changed',
      field: 'completionDate',
      kind: 'slip',
      from,
      to: partialDate('2026-04-30', 'ESTIMATED'),
    });
    const enrollment = required(record.protocolSection.designModule?.enrollmentInfo, 'enrollmentInfo');
    const before = { count: enrollment.count ?? null, type: enrollment.type ?? null };
    enrollment.count = (enrollment.count ?? 0) + 5;
    expected.push({
      nctId: 'NCT03934567',
      type: 'enrollment_changed',
      from: before,
      to: { count: enrollment.count, type: before.type },
    });
  });

  // The registry marks an overdue record UNKNOWN; the month of primary completion is refined to a day.
  edit('NCT04523987', (_record, status) => {
    const from = status.overallStatus;
    status.lastKnownStatus = from;
    status.overallStatus = 'UNKNOWN';
    expected.push({
      nctId: 'NCT04523987',
      type: 'status_changed',
      from,
      to: 'UNKNOWN',
      registryGenerated: true,
    });
    const primary = required(status.primaryCompletionDateStruct, 'primaryCompletionDateStruct');
    const before = partialDate(primary.date, primary.type ?? null);
    if (before.precision !== 'month')
      throw new Error('NCT04523987: expected a month-precision primary completion');
    status.primaryCompletionDateStruct = { date: `${primary.date}-17`, type: primary.type ?? 'ESTIMATED' };
    expected.push({
      nctId: 'NCT04523987',
      type: 'date_changed',
      field: 'primaryCompletionDate',
      kind: 'refined',
      from: before,
      to: partialDate(`${primary.date}-17`, before.type),
    });
  });

  // A trial opens: a sponsor's status change, and its estimated start becomes actual.
  edit('NCT06171568', (_record, status) => {
    const from = status.overallStatus;
    status.overallStatus = 'RECRUITING';
    expected.push({
      nctId: 'NCT06171568',
      type: 'status_changed',
      from,
      to: 'RECRUITING',
      registryGenerated: false,
    });
    const start = required(status.startDateStruct, 'startDateStruct');
    if (start.type !== 'ESTIMATED') throw new Error('NCT06171568: expected an estimated start date');
    status.startDateStruct = { date: start.date, type: 'ACTUAL' };
    expected.push({
      nctId: 'NCT06171568',
      type: 'date_changed',
      field: 'startDate',
      kind: 'actualized',
      from: partialDate(start.date, 'ESTIMATED'),
      to: partialDate(start.date, 'ACTUAL'),
    });
  });

  // Only what the registry rewrites at every refresh differs: no event, and no new lastUpdatePostDate.
  const derivedOnly = 'NCT02299791';
  {
    const real = required(byId.get(derivedOnly), derivedOnly);
    const record = structuredClone(real.raw) as unknown as EditableRecord;
    const derived = required(record.derivedSection, 'derivedSection');
    required(derived.miscInfoModule, 'miscInfoModule').versionHolder = lastUpdatePostDate;
    for (const module of [derived.conditionBrowseModule, derived.interventionBrowseModule]) {
      for (const value of Object.values(module ?? {})) if (Array.isArray(value)) value.reverse();
    }
    files.set(real.file, JSON.stringify(record));
  }

  // A record the registry no longer serves.
  const removed = required(byId.get('NCT03475563'), 'NCT03475563');
  files.set(removed.file, null);
  const removedStatus = (removed.raw as unknown as EditableRecord).protocolSection.statusModule.overallStatus;
  expected.push({ nctId: 'NCT03475563', type: 'trial_removed', from: removedStatus });

  const untouched = records.map((record) => record.nctId).filter((id) => !files.has(`${id}.json`));
  return { files, expected, untouched, derivedOnly, changed };
}
