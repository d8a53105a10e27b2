// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { readRealRecord } from '../../../test/support/real-records.js';
import { diffTrials } from './diff-trials.js';
import { normalizeStudy } from './normalize-study.js';
import { TrialChange } from './trial-change.schema.js';
import type { Trial } from './trial.schema.js';

type Json = Record<string, unknown>;
const child = (value: unknown, key: string): Json => (value as Json)[key] as Json;
const protocol = (raw: Json) => child(raw, 'protocolSection');
const status = (raw: Json) => child(protocol(raw), 'statusModule');
const locations = (raw: Json) => child(protocol(raw), 'contactsLocationsModule').locations as Json[];
const interventions = (raw: Json) => child(protocol(raw), 'armsInterventionsModule').interventions as Json[];

function trialOf(raw: Json): Trial {
  const result = normalizeStudy(raw);
  if (!result.ok) throw new Error(result.reason);
  return result.trial;
}

/** The trial of a real record, and of an edited deep copy of it. */
function versions(nctId: string, edit: (raw: Json) => void, editBefore?: (raw: Json) => void) {
  const before = readRealRecord(nctId);
  editBefore?.(before);
  const after = structuredClone(before);
  edit(after);
  return { previous: trialOf(before), next: trialOf(after) };
}

function changesOf(nctId: string, edit: (raw: Json) => void, editBefore?: (raw: Json) => void) {
  const { previous, next } = versions(nctId, edit, editBefore);
  const changes = diffTrials(previous, next);
  for (const change of changes) expect(TrialChange.safeParse(change).success).toBe(true);
  return changes;
}

describe('diffTrials', () => {
  it('finds nothing between two copies of a record', () => {
    expect(changesOf('NCT02210780', () => undefined)).toEqual([]);
  });

  it('finds nothing when only derivedSection differs (and the content hash is the same)', () => {
    const { previous, next } = versions('NCT02210780', (raw) => {
      const derived = child(raw, 'derivedSection');
      child(derived, 'miscInfoModule').versionHolder = '2099-12-31';
      const meshes = child(derived, 'conditionBrowseModule').browseLeaves as unknown[];
      meshes.reverse();
    });
    expect(next.contentHash).toBe(previous.contentHash);
    expect(diffTrials(previous, next)).toEqual([]);
  });

  it('reports a status change made by the sponsor', () => {
    const changes = changesOf('NCT04523987', (raw) => {
      status(raw).overallStatus = 'ACTIVE_NOT_RECRUITING';
    });
    expect(changes).toEqual([
      { type: 'status_changed', from: 'RECRUITING', to: 'ACTIVE_NOT_RECRUITING', registryGenerated: false },
    ]);
  });

  it('marks a change to UNKNOWN as registry-generated', () => {
    const changes = changesOf('NCT04523987', (raw) => {
      status(raw).overallStatus = 'UNKNOWN';
      status(raw).lastKnownStatus = 'RECRUITING';
    });
    expect(changes).toEqual([
      { type: 'status_changed', from: 'RECRUITING', to: 'UNKNOWN', registryGenerated: true },
    ]);
  });

  it('reports a stop with its reason', () => {
    const changes = changesOf('NCT04523987', (raw) => {
      status(raw).overallStatus = 'TERMINATED';
      status(raw).whyStopped = 'Slow accrual';
    });
    expect(changes).toEqual([
      { type: 'status_changed', from: 'RECRUITING', to: 'TERMINATED', registryGenerated: false },
      { type: 'why_stopped_changed', from: null, to: 'Slow accrual' },
    ]);
  });

  it('reports enrollment count and type', () => {
    const changes = changesOf('NCT04523987', (raw) => {
      child(protocol(raw), 'designModule').enrollmentInfo = { count: 12, type: 'ACTUAL' };
    });
    expect(changes).toEqual([
      {
        type: 'enrollment_changed',
        from: { count: 10, type: 'ESTIMATED' },
        to: { count: 12, type: 'ACTUAL' },
      },
    ]);
  });

  it('classifies date changes with precision in mind, in a fixed field order', () => {
    const changes = changesOf('NCT04523987', (raw) => {
      status(raw).startDateStruct = { date: '2019-03-01', type: 'ACTUAL' };
      status(raw).primaryCompletionDateStruct = { date: '2023-02-17', type: 'ESTIMATED' };
      status(raw).completionDateStruct = { date: '2024-02', type: 'ACTUAL' };
    });
    expect(changes).toEqual([
      {
        type: 'date_changed',
        field: 'startDate',
        from: { raw: '2019-02-22', precision: 'day', type: 'ACTUAL' },
        to: { raw: '2019-03-01', precision: 'day', type: 'ACTUAL' },
        kind: 'slip',
      },
      {
        type: 'date_changed',
        field: 'primaryCompletionDate',
        from: { raw: '2023-02', precision: 'month', type: 'ESTIMATED' },
        to: { raw: '2023-02-17', precision: 'day', type: 'ESTIMATED' },
        kind: 'refined',
      },
      {
        type: 'date_changed',
        field: 'completionDate',
        from: { raw: '2024-02', precision: 'month', type: 'ESTIMATED' },
        to: { raw: '2024-02', precision: 'month', type: 'ACTUAL' },
        kind: 'actualized',
      },
    ]);
  });

  it('reports a pulled-in completion date and a date appearing on an old record', () => {
    const changes = changesOf('NCT00184067', (raw) => {
      status(raw).completionDateStruct = { date: '2009-06', type: 'ACTUAL' };
      status(raw).startDateStruct = { date: '2004-05', type: 'ACTUAL' };
    });
    expect(
      changes.map((change) => (change.type === 'date_changed' ? [change.field, change.kind] : [])),
    ).toEqual([
      ['startDate', 'actualized'],
      ['completionDate', 'pull_in'],
    ]);
  });

  it('reports phases as sets', () => {
    expect(
      changesOf('NCT04523987', (raw) => {
        child(protocol(raw), 'designModule').phases = ['PHASE1', 'PHASE2'];
      }),
    ).toEqual([{ type: 'phase_changed', from: ['PHASE1'], to: ['PHASE1', 'PHASE2'] }]);
    expect(
      changesOf(
        'NCT04523987',
        (raw) => {
          child(protocol(raw), 'designModule').phases = ['PHASE2', 'PHASE1'];
        },
        (raw) => {
          child(protocol(raw), 'designModule').phases = ['PHASE1', 'PHASE2'];
        },
      ),
    ).toEqual([]);
  });

  it('reports results posted with the registry’s first-post date', () => {
    const changes = changesOf(
      'NCT03064438',
      (raw) => {
        const real = readRealRecord('NCT03064438');
        raw.resultsSection = real.resultsSection;
        raw.hasResults = true;
        status(raw).resultsFirstPostDateStruct = status(real).resultsFirstPostDateStruct;
      },
      (raw) => {
        delete raw.resultsSection;
        raw.hasResults = false;
        delete status(raw).resultsFirstPostDateStruct;
      },
    );
    expect(changes).toEqual([{ type: 'results_posted', to: '2021-08-23' }]);
  });

  it('reports sites and countries added and removed, sorted, keyed by facility + city + country', () => {
    const changes = changesOf('NCT03934567', (raw) => {
      const sites = locations(raw);
      sites.splice(0, 1);
      sites.push(
        { facility: 'Zeta Hospital', city: 'Osaka', country: 'Japan' },
        { facility: 'Alpha Clinic', city: 'Kyoto', country: 'Japan' },
      );
      const second = sites[0] as Json;
      second.status = 'RECRUITING';
    });
    expect(changes).toEqual([
      {
        type: 'sites_changed',
        added: [
          { facility: 'Alpha Clinic', city: 'Kyoto', country: 'Japan' },
          { facility: 'Zeta Hospital', city: 'Osaka', country: 'Japan' },
        ],
        removed: [
          {
            facility: 'Cancer Hospital Chinese Academy of Medical Sciences',
            city: 'Beijing',
            country: 'China',
          },
        ],
      },
      { type: 'countries_changed', added: ['Japan'], removed: [] },
    ]);
  });

  it('reports interventions by name, ignoring case and spacing', () => {
    expect(
      changesOf('NCT04523987', (raw) => {
        (interventions(raw)[0] as Json).name = '  CIPROFLOXACIN ';
      }),
    ).toEqual([]);
    const changes = changesOf('NCT04523987', (raw) => {
      interventions(raw).push({ type: 'DRUG', name: 'Metformin', armGroupLabels: [] });
    });
    expect(changes).toEqual([{ type: 'interventions_changed', added: ['Metformin'], removed: [] }]);
  });

  it('reports the PRRT classification moving', () => {
    // The record's only arm is labelled "gemcitabine and nab-paclitaxel chemotherapy": PRRT added to it is
    // PRRT given with gemcitabine.
    const changes = changesOf('NCT04523987', (raw) => {
      const label = 'gemcitabine and nab-paclitaxel chemotherapy';
      interventions(raw).push({ type: 'DRUG', name: 'Lutetium Lu 177 Dotatate', armGroupLabels: [label] });
    });
    expect(changes).toEqual([
      { type: 'interventions_changed', added: ['Lutetium Lu 177 Dotatate'], removed: [] },
      {
        type: 'combination_changed',
        from: { agents: [], combination: { isCombination: false, categories: [], partners: [] } },
        to: {
          agents: ['lu177-dotatate'],
          combination: { isCombination: true, categories: ['chemotherapy'], partners: ['gemcitabine'] },
        },
      },
    ]);
  });

  it('reports every change type in one fixed order', () => {
    const changes = changesOf(
      'NCT03064438',
      (raw) => {
        status(raw).overallStatus = 'COMPLETED';
        status(raw).whyStopped = null;
        child(protocol(raw), 'designModule').enrollmentInfo = { count: 41, type: 'ACTUAL' };
        status(raw).completionDateStruct = { date: '2018-07', type: 'ACTUAL' };
        child(protocol(raw), 'designModule').phases = ['PHASE3'];
        raw.hasResults = true;
        locations(raw).push({ facility: 'New Site', city: 'Toronto', country: 'Canada' });
        interventions(raw).push({
          type: 'DRUG',
          name: '177Lu-DOTATATE',
          armGroupLabels: ['ACU-D1 Ointment'],
        });
        interventions(raw).push({ type: 'DRUG', name: 'Capecitabine', armGroupLabels: ['ACU-D1 Ointment'] });
      },
      (raw) => {
        status(raw).overallStatus = 'SUSPENDED';
        status(raw).whyStopped = 'Safety review';
        raw.hasResults = false;
        delete raw.resultsSection;
      },
    );
    expect(changes.map((change) => change.type)).toEqual([
      'status_changed',
      'why_stopped_changed',
      'enrollment_changed',
      'date_changed',
      'phase_changed',
      'results_posted',
      'sites_changed',
      'countries_changed',
      'interventions_changed',
      'combination_changed',
    ]);
    const { previous, next } = versions('NCT03064438', (raw) => {
      status(raw).overallStatus = 'TERMINATED';
    });
    expect(diffTrials(previous, next)).toEqual(diffTrials(previous, next));
  });
});
