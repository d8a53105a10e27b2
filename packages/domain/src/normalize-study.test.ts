// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { readRealRecord } from '../../../test/support/real-records.js';
import { normalizeStudy, type NormalizeResult } from './normalize-study.js';
import { Trial } from './trial.schema.js';

function expectOk(result: NormalizeResult): Extract<NormalizeResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason} ${result.issues.join('; ')}`);
  return result;
}

type Json = Record<string, unknown>;
const child = (value: unknown, key: string): Json => (value as Json)[key] as Json;
const statusModule = (raw: Json) => child(child(raw, 'protocolSection'), 'statusModule');

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
