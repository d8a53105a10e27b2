import type { LaterChange } from './later-change.js';
import { updated } from './later-change.js';

/** Today's statuses and dates: the later statuses of the domain notes, and illustrative closures and date moves. */
export const STATUS_AND_DATE_CHANGES: LaterChange[] = [
  {
    nctId: 'NCT05387603',
    planted: [
      { nctId: 'NCT05387603', type: 'status_changed', from: 'NOT_YET_RECRUITING', to: 'RECRUITING' },
      {
        nctId: 'NCT05387603',
        type: 'date_changed',
        field: 'startDate',
        kind: 'actualized',
        from: '2024-05-20',
        to: '2024-05-20',
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-09-08', '2025-09-04'),
      status: 'RECRUITING',
      startDate: { date: '2024-05-20', type: 'ACTUAL' },
    }),
  },
  {
    nctId: 'NCT05053854',
    planted: [
      {
        nctId: 'NCT05053854',
        type: 'date_changed',
        field: 'primaryCompletionDate',
        kind: 'slip',
        from: '2025-12',
        to: '2026-12',
      },
      {
        nctId: 'NCT05053854',
        type: 'date_changed',
        field: 'completionDate',
        kind: 'slip',
        from: '2026-06',
        to: '2027-06',
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-02-11', '2025-02-07'),
      primaryCompletionDate: { date: '2026-12', type: 'ESTIMATED' },
      completionDate: { date: '2027-06', type: 'ESTIMATED' },
    }),
  },
  {
    nctId: 'NCT05249114',
    planted: [
      { nctId: 'NCT05249114', type: 'status_changed', from: 'ACTIVE_NOT_RECRUITING', to: 'COMPLETED' },
      {
        nctId: 'NCT05249114',
        type: 'date_changed',
        field: 'completionDate',
        kind: 'actualized',
        from: '2024-08-30',
        to: '2024-08-30',
      },
      { nctId: 'NCT05249114', type: 'results_posted', from: null, to: '2025-08-14' },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-08-14', '2025-07-22'),
      status: 'COMPLETED',
      completionDate: { date: '2024-08-30', type: 'ACTUAL' },
      results: {
        firstSubmitted: '2025-07-22',
        firstPosted: '2025-08-14',
        groupTitle: 'Cabozantinib + Lu-177-DOTATATE',
        groupDescription: 'Daily oral cabozantinib with four cycles of 7.4 GBq Lu-177-DOTATATE.',
        started: 6,
        completed: 5,
        outcomeTitle: 'Participants With Dose-Limiting Toxicities',
        outcomeTimeFrame: '8 weeks',
        outcomeUnit: 'Participants',
        outcomeValue: 1,
      },
    }),
  },
  {
    nctId: 'NCT05870423',
    planted: [
      { nctId: 'NCT05870423', type: 'enrollment_changed', from: 24, to: 36 },
      { nctId: 'NCT05870423', type: 'phase_changed', from: ['PHASE1'], to: ['PHASE1', 'PHASE2'] },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-04-22', '2025-04-17'),
      phases: ['PHASE1', 'PHASE2'],
      enrollment: { count: 36, type: 'ESTIMATED' },
    }),
  },
  {
    nctId: 'NCT04375267',
    planted: [
      { nctId: 'NCT04375267', type: 'status_changed', from: 'ACTIVE_NOT_RECRUITING', to: 'COMPLETED' },
      {
        nctId: 'NCT04375267',
        type: 'date_changed',
        field: 'completionDate',
        kind: 'actualized',
        from: '2024-12-31',
        to: '2024-12-31',
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-03-10', '2025-03-06'),
      status: 'COMPLETED',
      completionDate: { date: '2024-12-31', type: 'ACTUAL' },
    }),
  },
  {
    nctId: 'NCT04543955',
    planted: [
      { nctId: 'NCT04543955', type: 'status_changed', from: 'UNKNOWN', to: 'TERMINATED' },
      {
        nctId: 'NCT04543955',
        type: 'why_stopped_changed',
        from: null,
        to: 'Slow accrual: the study closed after 11 participants.',
      },
      { nctId: 'NCT04543955', type: 'enrollment_changed', from: 70, to: 11 },
    ],
    apply: ({ lastKnownStatus: _lastKnownStatus, ...spec }) => ({
      ...spec,
      ...updated('2024-11-18', '2024-11-14'),
      status: 'TERMINATED',
      whyStopped: 'Slow accrual: the study closed after 11 participants.',
      enrollment: { count: 11, type: 'ACTUAL' },
    }),
  },
  {
    nctId: 'NCT04750954',
    planted: [
      {
        nctId: 'NCT04750954',
        type: 'date_changed',
        field: 'primaryCompletionDate',
        kind: 'refined',
        from: '2025-06',
        to: '2025-06-17',
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-05-02', '2025-04-30'),
      primaryCompletionDate: { date: '2025-06-17', type: 'ESTIMATED' },
    }),
  },
  {
    nctId: 'NCT05687123',
    planted: [
      {
        nctId: 'NCT05687123',
        type: 'date_changed',
        field: 'completionDate',
        kind: 'pull_in',
        from: '2027-12',
        to: '2026-12',
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2024-10-07', '2024-10-03'),
      completionDate: { date: '2026-12', type: 'ESTIMATED' },
    }),
  },
];
