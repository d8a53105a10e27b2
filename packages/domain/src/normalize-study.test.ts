// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { readRealRecord, readRealRecords } from '../../../test/support/real-records.js';
import { normalizeStudy, type NormalizeResult } from './normalize-study.js';
import { Trial, type PartialDate } from './trial.schema.js';

const d = (raw: string, precision: PartialDate['precision'], type: PartialDate['type']): PartialDate => ({
  raw,
  precision,
  type,
});

/**
 * Expected values for every real record in ../shared/ctgov/records, read by hand from the JSON (jq), not
 * computed by the code under test.
 */
const EXPECTED = {
  NCT00184067: {
    overallStatus: 'TERMINATED',
    lastKnownStatus: null,
    whyStopped: 'Primary PI left institution',
    startDate: d('2004-05', 'month', null),
    primaryCompletionDate: d('2007-04', 'month', 'ACTUAL'),
    completionDate: d('2009-09', 'month', 'ACTUAL'),
    lastUpdatePostDate: '2014-05-21',
    enrollment: { count: 23, type: 'ACTUAL' },
    phases: ['PHASE2'],
    studyType: 'INTERVENTIONAL',
    countries: ['United States'],
    locationCount: 1,
    hasResults: false,
  },
  NCT00763412: {
    overallStatus: 'COMPLETED',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2006-11', 'month', null),
    primaryCompletionDate: d('2013-01', 'month', 'ACTUAL'),
    completionDate: d('2013-01', 'month', 'ACTUAL'),
    lastUpdatePostDate: '2017-06-05',
    enrollment: { count: 31, type: 'ACTUAL' },
    phases: ['NA'],
    studyType: 'INTERVENTIONAL',
    countries: ['United States'],
    locationCount: 1,
    hasResults: true,
  },
  NCT00841061: {
    overallStatus: 'COMPLETED',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2003-07', 'month', null),
    primaryCompletionDate: d('2006-05', 'month', 'ACTUAL'),
    completionDate: d('2006-05', 'month', 'ACTUAL'),
    lastUpdatePostDate: '2009-02-11',
    enrollment: { count: 111, type: 'ACTUAL' },
    phases: ['NA'],
    studyType: 'INTERVENTIONAL',
    countries: ['United States'],
    locationCount: 1,
    hasResults: false,
  },
  NCT02210780: {
    overallStatus: 'COMPLETED',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2014-08-05', 'day', 'ACTUAL'),
    primaryCompletionDate: d('2015-09-15', 'day', 'ACTUAL'),
    completionDate: d('2015-09-15', 'day', 'ACTUAL'),
    lastUpdatePostDate: '2020-05-07',
    enrollment: { count: 194, type: 'ACTUAL' },
    phases: ['PHASE2'],
    studyType: 'INTERVENTIONAL',
    countries: ['United States'],
    locationCount: 42,
    hasResults: true,
  },
  NCT02299791: {
    overallStatus: 'COMPLETED',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2010-09', 'month', null),
    primaryCompletionDate: d('2014-05', 'month', 'ACTUAL'),
    completionDate: d('2014-05', 'month', 'ACTUAL'),
    lastUpdatePostDate: '2017-10-04',
    enrollment: { count: 4856, type: 'ACTUAL' },
    phases: ['NA'],
    studyType: 'INTERVENTIONAL',
    countries: [],
    locationCount: 0,
    hasResults: true,
  },
  NCT03064438: {
    overallStatus: 'COMPLETED',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2017-11-28', 'day', 'ACTUAL'),
    primaryCompletionDate: d('2018-06-05', 'day', 'ACTUAL'),
    completionDate: d('2018-06-18', 'day', 'ACTUAL'),
    lastUpdatePostDate: '2021-08-23',
    enrollment: { count: 40, type: 'ACTUAL' },
    phases: ['PHASE2'],
    studyType: 'INTERVENTIONAL',
    countries: ['United States'],
    locationCount: 2,
    hasResults: true,
  },
  NCT03475563: {
    overallStatus: 'UNKNOWN',
    lastKnownStatus: 'RECRUITING',
    whyStopped: null,
    startDate: d('2018-08-16', 'day', 'ACTUAL'),
    primaryCompletionDate: d('2019-12-30', 'day', 'ESTIMATED'),
    completionDate: d('2019-12-30', 'day', 'ESTIMATED'),
    lastUpdatePostDate: '2019-11-27',
    enrollment: { count: 100, type: 'ESTIMATED' },
    phases: [],
    studyType: 'OBSERVATIONAL',
    countries: ['Spain'],
    locationCount: 3,
    hasResults: false,
  },
  NCT03934567: {
    overallStatus: 'ACTIVE_NOT_RECRUITING',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2020-04-22', 'day', 'ACTUAL'),
    primaryCompletionDate: d('2025-01-29', 'day', 'ACTUAL'),
    completionDate: d('2025-10-30', 'day', 'ESTIMATED'),
    lastUpdatePostDate: '2025-04-10',
    enrollment: { count: 87, type: 'ACTUAL' },
    phases: ['PHASE2'],
    studyType: 'INTERVENTIONAL',
    countries: ['China'],
    locationCount: 26,
    hasResults: false,
  },
  NCT04523987: {
    overallStatus: 'RECRUITING',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2019-02-22', 'day', 'ACTUAL'),
    primaryCompletionDate: d('2023-02', 'month', 'ESTIMATED'),
    completionDate: d('2024-02', 'month', 'ESTIMATED'),
    lastUpdatePostDate: '2020-08-24',
    enrollment: { count: 10, type: 'ESTIMATED' },
    phases: ['PHASE1'],
    studyType: 'INTERVENTIONAL',
    countries: ['Singapore'],
    locationCount: 1,
    hasResults: false,
  },
  NCT06171568: {
    overallStatus: 'NOT_YET_RECRUITING',
    lastKnownStatus: null,
    whyStopped: null,
    startDate: d('2024-02-01', 'day', 'ESTIMATED'),
    primaryCompletionDate: d('2025-02-01', 'day', 'ESTIMATED'),
    completionDate: d('2025-02-01', 'day', 'ESTIMATED'),
    lastUpdatePostDate: '2023-12-14',
    enrollment: { count: 400, type: 'ESTIMATED' },
    phases: [],
    studyType: 'OBSERVATIONAL',
    countries: ['France'],
    locationCount: 1,
    hasResults: false,
  },
} as const;

function expectOk(result: NormalizeResult): Extract<NormalizeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason} ${result.issues.join('; ')}`);
  return result;
}

type Json = Record<string, unknown>;
const child = (value: unknown, key: string): Json => (value as Json)[key] as Json;
const statusModule = (raw: Json) => child(child(raw, 'protocolSection'), 'statusModule');

describe('normalizeStudy on every real record', () => {
  const records = readRealRecords();

  it('has an expectation for each record in the shared folder', () => {
    expect(records.map((record) => record.nctId).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(records.map((record) => [record.nctId, record.raw] as const))('%s', (nctId, raw) => {
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(trial.nctId).toBe(nctId);
    expect({
      overallStatus: trial.overallStatus,
      lastKnownStatus: trial.lastKnownStatus,
      whyStopped: trial.whyStopped,
      startDate: trial.startDate,
      primaryCompletionDate: trial.primaryCompletionDate,
      completionDate: trial.completionDate,
      lastUpdatePostDate: trial.lastUpdatePostDate,
      enrollment: trial.enrollment,
      phases: trial.phases,
      studyType: trial.studyType,
      countries: trial.countries,
      locationCount: trial.locationCount,
      hasResults: trial.hasResults,
    }).toEqual(EXPECTED[nctId as keyof typeof EXPECTED]);
    // The output honours the Trial contract the pipeline stores, and the registry's documented shape holds.
    expect(Trial.safeParse(trial).success).toBe(true);
    expect(trial.sites).toHaveLength(trial.locationCount);
    expect(trial.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(drift).toEqual([]);
  });

  it('reads sponsors, interventions, arms and sites as the record gives them', () => {
    const { trial } = expectOk(normalizeStudy(readRealRecord('NCT00763412')));
    expect(trial.leadSponsor).toEqual({ name: 'Arbelaez, Ana Maria', class: 'INDIV' });
    expect(trial.collaborators.map((c) => c.class)).toEqual(['OTHER', 'NIH', 'INDUSTRY', 'NIH']);
    expect(trial.interventions).toEqual([
      { type: 'DRUG', name: 'placebo', otherNames: [], armGroupLabels: ['1 Placebo'] },
      { type: 'DRUG', name: 'repaglinide', otherNames: ['Prandin'], armGroupLabels: ['2. repaglinide'] },
    ]);
    expect(trial.arms).toEqual([
      { label: '1 Placebo', type: 'PLACEBO_COMPARATOR', interventionNames: ['Drug: placebo'] },
      { label: '2. repaglinide', type: 'EXPERIMENTAL', interventionNames: ['Drug: repaglinide'] },
    ]);
    expect(trial.sites).toEqual([
      {
        facility: 'Washington University School of Medicine',
        city: 'Saint Louis',
        state: 'Missouri',
        country: 'United States',
        status: null,
      },
    ]);
    expect(trial.resultsFirstPostDate).toBe('2017-06-05');
    expect(trial.prrt).toEqual({
      agents: [],
      combination: { isCombination: false, categories: [], partners: [] },
    });
  });

  it('gives no arms for a record without arm groups, and no other names or labels where none are listed', () => {
    const { trial } = expectOk(normalizeStudy(readRealRecord('NCT06171568')));
    expect(trial.arms).toEqual([]);
    expect(trial.interventions).toEqual([
      { type: 'OTHER', name: 'Tests and questionnaires', otherNames: [], armGroupLabels: [] },
    ]);
  });
});

describe('normalizeStudy on edited copies', () => {
  it('keeps an unknown status as it is and reports it as drift', () => {
    const raw = readRealRecord('NCT04523987');
    statusModule(raw).overallStatus = 'PAUSED_BY_REGULATOR';
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(trial.overallStatus).toBe('PAUSED_BY_REGULATOR');
    expect(drift).toEqual([
      {
        kind: 'unknown_enum_value',
        path: 'protocolSection.statusModule.overallStatus',
        value: 'PAUSED_BY_REGULATOR',
      },
    ]);
  });

  it('reports unknown fields and enum values inside the modules it reads, once per path, never failing', () => {
    const raw = readRealRecord('NCT03934567');
    const locations = child(child(raw, 'protocolSection'), 'contactsLocationsModule').locations as Json[];
    for (const location of locations) location.siteNumber = 7;
    const first = locations[0] as Json;
    first.status = 'PAUSED';
    child(child(raw, 'protocolSection'), 'designModule').phases = ['PHASE2', 'PHASE5'];
    statusModule(raw).startDateStruct = { date: '2020-04-22', type: 'ANTICIPATED' };
    child(raw, 'protocolSection').newModule = { x: 1 };
    raw.somethingNew = true;
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(drift).toEqual([
      { kind: 'unknown_field', path: 'protocolSection.contactsLocationsModule.locations[].siteNumber' },
      {
        kind: 'unknown_enum_value',
        path: 'protocolSection.contactsLocationsModule.locations[].status',
        value: 'PAUSED',
      },
      { kind: 'unknown_enum_value', path: 'protocolSection.designModule.phases[]', value: 'PHASE5' },
      {
        kind: 'unknown_enum_value',
        path: 'protocolSection.statusModule.startDateStruct.type',
        value: 'ANTICIPATED',
      },
    ]);
    expect(trial.phases).toEqual(['PHASE2', 'PHASE5']);
    // A date type outside ACTUAL/ESTIMATED cannot be a Trial date type: the date stays, without a type.
    expect(trial.startDate).toEqual({ raw: '2020-04-22', precision: 'day', type: null });
    expect(trial.sites[0]?.status).toBe('PAUSED');
  });

  it('reads UNKNOWN with its last known status', () => {
    const raw = readRealRecord('NCT04523987');
    statusModule(raw).overallStatus = 'UNKNOWN';
    statusModule(raw).lastKnownStatus = 'RECRUITING';
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect([trial.overallStatus, trial.lastKnownStatus]).toEqual(['UNKNOWN', 'RECRUITING']);
    expect(drift).toEqual([]);
  });

  it('turns an invalid partial date into null plus drift', () => {
    const raw = readRealRecord('NCT04523987');
    statusModule(raw).completionDateStruct = { date: '2024-13', type: 'ESTIMATED' };
    statusModule(raw).primaryCompletionDateStruct = { date: 'June 2023', type: 'ESTIMATED' };
    statusModule(raw).statusVerifiedDate = '2020/02';
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(trial.completionDate).toBeNull();
    expect(trial.primaryCompletionDate).toBeNull();
    // statusVerifiedDate is kept as printed (the Trial holds a string), and reported.
    expect(trial.statusVerifiedDate).toBe('2020/02');
    expect(drift).toEqual([
      {
        kind: 'invalid_value',
        path: 'protocolSection.statusModule.completionDateStruct.date',
        value: '2024-13',
      },
      {
        kind: 'invalid_value',
        path: 'protocolSection.statusModule.primaryCompletionDateStruct.date',
        value: 'June 2023',
      },
      { kind: 'invalid_value', path: 'protocolSection.statusModule.statusVerifiedDate', value: '2020/02' },
    ]);
  });

  it('survives records with optional modules deleted', () => {
    const raw = readRealRecord('NCT02210780');
    const protocol = child(raw, 'protocolSection');
    for (const module of [
      'sponsorCollaboratorsModule',
      'conditionsModule',
      'designModule',
      'armsInterventionsModule',
      'contactsLocationsModule',
      'descriptionModule',
      'eligibilityModule',
      'outcomesModule',
      'oversightModule',
    ]) {
      Reflect.deleteProperty(protocol, module);
    }
    delete raw.resultsSection;
    delete raw.derivedSection;
    delete raw.hasResults;
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(trial).toMatchObject({
      nctId: 'NCT02210780',
      overallStatus: 'COMPLETED',
      studyType: null,
      phases: [],
      enrollment: null,
      leadSponsor: null,
      collaborators: [],
      conditions: [],
      keywords: [],
      countries: [],
      locationCount: 0,
      sites: [],
      interventions: [],
      arms: [],
      hasResults: false,
      prrt: { agents: [], combination: { isCombination: false, categories: [], partners: [] } },
    });
    expect(Trial.safeParse(trial).success).toBe(true);
    expect(drift).toEqual([]);
  });

  it('reads a record without statusModule dates as null dates, and without statusModule as UNKNOWN', () => {
    const raw = readRealRecord('NCT00184067');
    const status = statusModule(raw);
    delete status.startDateStruct;
    delete status.completionDateStruct;
    const dated = expectOk(normalizeStudy(raw)).trial;
    expect([dated.startDate, dated.completionDate]).toEqual([null, null]);
    expect(dated.primaryCompletionDate).toEqual({ raw: '2007-04', precision: 'month', type: 'ACTUAL' });
    delete child(raw, 'protocolSection').statusModule;
    const bare = expectOk(normalizeStudy(raw)).trial;
    expect([bare.overallStatus, bare.lastUpdatePostDate, bare.whyStopped]).toEqual(['UNKNOWN', null, null]);
  });

  it('takes hasResults from the flag, or from a resultsSection when the flag is missing', () => {
    const raw = readRealRecord('NCT03064438');
    delete raw.hasResults;
    expect(expectOk(normalizeStudy(raw)).trial.hasResults).toBe(true);
    delete raw.resultsSection;
    expect(expectOk(normalizeStudy(raw)).trial.hasResults).toBe(false);
  });

  it('accepts null where the registry would leave a field out', () => {
    const raw = readRealRecord('NCT03475563');
    statusModule(raw).whyStopped = null;
    child(child(raw, 'protocolSection'), 'designModule').phases = null;
    const { trial } = expectOk(normalizeStudy(raw));
    expect([trial.whyStopped, trial.phases]).toEqual([null, []]);
  });
});

describe('normalizeStudy rejects what cannot be a study', () => {
  it.each([
    ['null', null],
    ['a string', 'NCT00184067'],
    ['an array', [{ protocolSection: {} }]],
    ['a number', 42],
  ])('%s', (_label, input) => {
    const result = normalizeStudy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/not a JSON object/);
      expect(result.issues).toHaveLength(1);
    }
  });

  it.each([
    ['no protocolSection', {}],
    ['no nctId', { protocolSection: { identificationModule: { briefTitle: 'x' } } }],
    ['a malformed nctId', { protocolSection: { identificationModule: { nctId: 'NCT123' } } }],
    ['a numeric nctId', { protocolSection: { identificationModule: { nctId: 12345678 } } }],
  ])('%s', (_label, input) => {
    const result = normalizeStudy(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/no valid NCT id/);
      expect(result.issues[0]).toMatch(/^protocolSection\.identificationModule\.nctId: /);
    }
  });

  it('names the path of a wrong JSON type in a field the Trial needs', () => {
    const raw = readRealRecord('NCT03934567');
    statusModule(raw).overallStatus = 3;
    const locations = child(child(raw, 'protocolSection'), 'contactsLocationsModule').locations as Json[];
    (locations[2] as Json).country = ['China'];
    const result = normalizeStudy(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/NCT03934567 has a field of the wrong JSON type/);
      expect(result.issues).toEqual([
        'protocolSection.statusModule.overallStatus: Invalid input: expected string, received number',
        'protocolSection.contactsLocationsModule.locations[2].country: Invalid input: expected string, received array',
      ]);
    }
  });

  it('does not fail on a wrong type in a documented field it does not read', () => {
    const raw = readRealRecord('NCT03934567');
    child(child(raw, 'protocolSection'), 'designModule').designInfo = 'randomized';
    statusModule(raw).expandedAccessInfo = [];
    expect(normalizeStudy(raw).ok).toBe(true);
  });
});
