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

describe('normalizeStudy on every real record', () => {
  const records = readRealRecords();

  it('has an expectation for each record in the shared folder', () => {
    expect(records.map((record) => record.nctId).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(records.map((record) => [record.nctId, record.raw] as const))('%s', (nctId, raw) => {
    const untouched = structuredClone(raw);
    const { trial, drift } = expectOk(normalizeStudy(raw));
    expect(raw).toEqual(untouched);
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
