import type { BaselineRow } from '@trialwatch/baseline';
import { describe, expect, it } from 'vitest';
import {
  buildTableModel,
  statusTimeline,
  type StatusEvent,
  type TableModelInput,
} from './build-table-model.js';
import { fixtureTrial, fixtureTrialDoc } from './trial-doc.fixture.js';

const row = (nctId: string, statusAsPublished: string, status: BaselineRow['status']): BaselineRow => ({
  nctId,
  trialId: null,
  origin: 'Sweden',
  estEnrollment: 40,
  combinedWith: 'Targeted therapy; olaparib',
  prrt: '[177Lu]Lu-DOTA-TATE',
  dosage: null,
  phase: 'II',
  statusAsPublished,
  status,
  unmapped: status === null,
});

const at = (iso: string) => new Date(iso);
const added = (nctId: string, status: string, lastUpdatePostDate: string): StatusEvent => ({
  nctId,
  type: 'trial_added',
  to: status,
  lastUpdatePostDate,
  detectedAt: at('2024-04-12T02:00:00Z'),
});
const moved = (
  nctId: string,
  from: string,
  to: string,
  lastUpdatePostDate: string | null,
  detectedAt = '2026-09-03T02:00:00Z',
): StatusEvent => ({
  nctId,
  type: 'status_changed',
  from,
  to,
  lastUpdatePostDate,
  detectedAt: at(detectedAt),
});

function input(overrides: Partial<TableModelInput> = {}): TableModelInput {
  const opened = fixtureTrialDoc(
    fixtureTrial('NCT00000001', { overallStatus: 'RECRUITING', acronym: 'OPEN-1' }),
  );
  const same = fixtureTrialDoc(fixtureTrial('NCT00000002', { overallStatus: 'RECRUITING' }));
  const unmapped = fixtureTrialDoc(fixtureTrial('NCT00000003', { overallStatus: 'COMPLETED' }));
  const extraCombination = fixtureTrialDoc(
    fixtureTrial('NCT00000009', {
      prrt: {
        agents: ['lu177-dotatate'],
        combination: { isCombination: true, categories: ['chemotherapy'], partners: ['capecitabine'] },
      },
    }),
  );
  const notCombination = fixtureTrialDoc(
    fixtureTrial('NCT00000008', {
      prrt: {
        agents: ['lu177-dotatoc'],
        combination: { isCombination: false, categories: [], partners: [] },
      },
    }),
  );
  const outsider = fixtureTrialDoc(fixtureTrial('NCT00000007'), { cohorts: ['other'] });
  return {
    cohort: 'prrt',
    baseline: {
      name: 'table2',
      source: 'table2.tsv',
      importedAt: at('2026-01-01T00:00:00Z'),
      rows: [
        row('NCT00000002', 'Recruiting', 'RECRUITING'),
        row('NCT00000001', 'Not yet recruiting', 'NOT_YET_RECRUITING'),
        row('NCT00000003', 'Abstract published', null),
        row('NCT00000004', 'Recruiting', 'RECRUITING'),
      ],
    },
    trials: [opened, same, unmapped, extraCombination, notCombination, outsider],
    statusEvents: [
      added('NCT00000001', 'NOT_YET_RECRUITING', '2024-03-01'),
      moved('NCT00000001', 'NOT_YET_RECRUITING', 'RECRUITING', '2024-05-20'),
      added('NCT00000002', 'RECRUITING', '2023-06-01'),
      added('NCT00000007', 'RECRUITING', '2023-06-01'),
    ],
    latestRun: { _id: 'run_2', dataTimestamp: '2026-09-03T09:00:00', finishedAt: at('2026-09-03T02:10:00Z') },
    now: at('2026-09-04T08:00:00Z'),
    includeOthers: true,
    ...overrides,
  };
}

describe('buildTableModel', () => {
  it('lists the baseline rows first, in the order printed, even one not synced yet', () => {
    const model = buildTableModel(input());
    const baseline = model.sections[0];
    expect(baseline?.id).toBe('baseline');
    expect(baseline?.rows.map((r) => r.nctId)).toEqual([
      'NCT00000002',
      'NCT00000001',
      'NCT00000003',
      'NCT00000004',
    ]);
    expect(baseline?.rows.map((r) => r.comparison)).toEqual(['same', 'changed', 'unmapped', 'not-synced']);
    expect(baseline?.rows.map((r) => r.statusMoved)).toEqual([false, true, false, false]);
    const missing = baseline?.rows[3];
    expect(missing).toMatchObject({
      status: null,
      timeline: [],
      published: { statusAsPublished: 'Recruiting' },
    });
  });

  it('then other combination members, then the rest of the cohort; never trials of other cohorts', () => {
    const model = buildTableModel(input());
    expect(model.sections.map((section) => [section.id, section.rows.map((r) => r.nctId)])).toEqual([
      ['baseline', ['NCT00000002', 'NCT00000001', 'NCT00000003', 'NCT00000004']],
      ['combinations', ['NCT00000009']],
      ['others', ['NCT00000008']],
    ]);
    expect(buildTableModel(input({ includeOthers: false })).sections.map((section) => section.id)).toEqual([
      'baseline',
      'combinations',
    ]);
  });

  it('without a baseline: no published column data, no moved status, same sections', () => {
    const model = buildTableModel(input({ baseline: null }));
    expect(model.baseline).toBeNull();
    expect(model.sections.map((section) => section.id)).toEqual(['combinations', 'others']);
    expect(model.sections[0]?.rows.map((r) => r.nctId)).toEqual([
      'NCT00000001',
      'NCT00000002',
      'NCT00000003',
      'NCT00000009',
    ]);
    expect(
      model.sections
        .flatMap((section) => section.rows)
        .every((r) => r.published === null && r.comparison === 'no-baseline'),
    ).toBe(true);
  });

  it('counts categories among synced rows, and dates the data by the run', () => {
    const model = buildTableModel(input());
    const targeted = model.categoryCounts.find((count) => count.category === 'targeted-therapy');
    expect(targeted).toEqual({ category: 'targeted-therapy', baseline: 3, listed: 3 });
    expect(model.categoryCounts.find((count) => count.category === 'chemotherapy')).toEqual({
      category: 'chemotherapy',
      baseline: 0,
      listed: 1,
    });
    expect(model.categoryCounts.find((count) => count.category === 'none')).toEqual({
      category: 'none',
      baseline: 0,
      listed: 1,
    });
    expect(model.data).toEqual({
      runId: 'run_2',
      dataTimestamp: '2026-09-03T09:00:00',
      finishedAt: '2026-09-03T02:10:00.000Z',
      date: '2026-09-03',
    });
    expect(model.summary).toEqual({ listed: 6, baselineTrials: 4, statusMoved: 1, notSynced: 1 });
    expect(buildTableModel(input({ latestRun: null })).data).toBeNull();
  });

  it('flags a trial the registry no longer serves as removed', () => {
    const base = input();
    const gone = fixtureTrialDoc(fixtureTrial('NCT00000002'), { removed: true });
    const model = buildTableModel({
      ...base,
      trials: [...base.trials.filter((doc) => doc._id !== 'NCT00000002'), gone],
    });
    expect(model.sections[0]?.rows[0]).toMatchObject({ comparison: 'removed', statusMoved: true });
  });
});

describe('statusTimeline', () => {
  const doc = fixtureTrialDoc(fixtureTrial('NCT00000001', { overallStatus: 'COMPLETED' }));

  it('draws one segment per status, dated by the registry, up to the date of the data', () => {
    const events = [
      moved('NCT00000001', 'RECRUITING', 'COMPLETED', '2025-08-01'),
      added('NCT00000001', 'NOT_YET_RECRUITING', '2024-01-15'),
      moved('NCT00000001', 'NOT_YET_RECRUITING', 'RECRUITING', '2024-05-20'),
    ];
    expect(statusTimeline(doc, events, '2026-09-03')).toEqual([
      { status: 'NOT_YET_RECRUITING', from: '2024-01-15', to: '2024-05-20' },
      { status: 'RECRUITING', from: '2024-05-20', to: '2025-08-01' },
      { status: 'COMPLETED', from: '2025-08-01', to: '2026-09-03' },
    ]);
  });

  it('starts from the first change when the trial_added event is missing, and dates a removal when it was seen', () => {
    const events: StatusEvent[] = [
      moved('NCT00000001', 'RECRUITING', 'COMPLETED', null, '2025-02-02T02:00:00Z'),
      {
        nctId: 'NCT00000001',
        type: 'trial_removed',
        from: 'COMPLETED',
        lastUpdatePostDate: '2025-01-01',
        detectedAt: at('2026-03-03T02:00:00Z'),
      },
    ];
    expect(statusTimeline(doc, events, '2026-09-03')).toEqual([
      { status: 'RECRUITING', from: '2024-01-15', to: '2025-02-02' },
      { status: 'COMPLETED', from: '2025-02-02', to: '2026-03-03' },
      { status: 'REMOVED', from: '2026-03-03', to: '2026-09-03' },
    ]);
  });

  it('without events: the current status since the first version', () => {
    expect(statusTimeline(doc, [], '2026-09-03')).toEqual([
      { status: 'COMPLETED', from: '2024-01-15', to: '2026-09-03' },
    ]);
  });
});
