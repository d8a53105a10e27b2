import type { PlantedChange } from '../planted-change.js';
import { intervention } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

/** What happened to one trial between April 2024 and today, and the events it should raise. */
export interface LaterChange {
  nctId: string;
  /** The events a change detector should report for this trial, and no others. */
  planted: PlantedChange[];
  apply: (spec: TrialSpec) => TrialSpec;
}

/** A sponsor's update: new verification month, submit and post dates. */
function updated(posted: string, submitted: string): Partial<TrialSpec> {
  return { statusVerified: posted.slice(0, 7), lastUpdateSubmitted: submitted, lastUpdatePosted: posted };
}

/**
 * Today's records: the later statuses of /work/shared/domain/README.md (NCT05387603, NCT04525638, COMPOSE,
 * ACTION-1) and illustrative changes covering every kind of change the pipeline detects.
 */
export const LATER_CHANGES: LaterChange[] = [
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
  {
    nctId: 'NCT04234568',
    planted: [
      {
        nctId: 'NCT04234568',
        type: 'sites_changed',
        from: [
          'City of Hope Comprehensive Cancer Center, Duarte, United States',
          'Moffitt Cancer Center, Tampa, United States',
          'Yale University, New Haven, United States',
        ],
        to: [
          'City of Hope Comprehensive Cancer Center, Duarte, United States',
          'Moffitt Cancer Center, Tampa, United States',
        ],
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2024-09-16', '2024-09-12'),
      sites: spec.sites.filter((site) => site.facility !== 'Yale University'),
    }),
  },
  {
    nctId: 'NCT04086485',
    planted: [
      {
        nctId: 'NCT04086485',
        type: 'interventions_changed',
        from: ['Lutetium Lu 177 Dotatate', 'Olaparib'],
        to: ['Lutetium Lu 177 Dotatate', 'Olaparib', 'Amino Acid Infusion'],
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2024-07-29', '2024-07-25'),
      interventions: [
        ...spec.interventions,
        intervention(
          'DRUG',
          'Amino Acid Infusion',
          ['177Lu-DOTATATE + olaparib'],
          'Lysine and arginine infused with each cycle to protect the kidneys; not an anticancer treatment.',
          ['lysine and arginine'],
        ),
      ],
    }),
  },
  {
    nctId: 'NCT04525638',
    planted: [{ nctId: 'NCT04525638', type: 'status_changed', from: 'RECRUITING', to: 'UNKNOWN' }],
    // Set by the registry, not the sponsor: verification and submit dates stay as they were.
    apply: (spec) => ({
      ...spec,
      status: 'UNKNOWN',
      lastKnownStatus: 'RECRUITING',
      lastUpdatePosted: '2024-08-05',
    }),
  },
  {
    nctId: 'NCT04614766',
    planted: [
      {
        nctId: 'NCT04614766',
        type: 'interventions_changed',
        from: ['Iobenguane I-131', 'Lutetium Lu 177 Dotatate'],
        to: ['Iobenguane I-131', 'Lutetium Lu 177 Dotatate', 'Capecitabine'],
      },
      { nctId: 'NCT04614766', type: 'combination_changed' },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2025-11-17', '2025-11-13'),
      interventions: [
        ...spec.interventions,
        intervention(
          'DRUG',
          'Capecitabine',
          ['131I-MIBG + 177Lu-DOTATATE'],
          'Orally around each cycle, as a radiosensitiser.',
        ),
      ],
    }),
  },
  {
    nctId: 'NCT04919226',
    planted: [
      { nctId: 'NCT04919226', type: 'status_changed', from: 'RECRUITING', to: 'ACTIVE_NOT_RECRUITING' },
    ],
    apply: (spec) => ({ ...spec, ...updated('2026-08-24', '2026-08-20'), status: 'ACTIVE_NOT_RECRUITING' }),
  },
  {
    nctId: 'NCT05477576',
    planted: [
      {
        nctId: 'NCT05477576',
        type: 'sites_changed',
        from: [
          'MD Anderson Cancer Center, Houston, United States',
          'Moffitt Cancer Center, Tampa, United States',
          'Princess Margaret Cancer Centre, Toronto, Canada',
          'Erasmus MC, Rotterdam, Netherlands',
          'Hospital Universitario 12 de Octubre, Madrid, Spain',
        ],
        to: [
          'MD Anderson Cancer Center, Houston, United States',
          'Moffitt Cancer Center, Tampa, United States',
          'Princess Margaret Cancer Centre, Toronto, Canada',
          'Erasmus MC, Rotterdam, Netherlands',
          'Hospital Universitario 12 de Octubre, Madrid, Spain',
          'Mayo Clinic in Rochester, Rochester, United States',
          'Istituto Europeo di Oncologia, Milan, Italy',
        ],
      },
      {
        nctId: 'NCT05477576',
        type: 'countries_changed',
        from: ['Canada', 'Netherlands', 'Spain', 'United States'],
        to: ['Canada', 'Italy', 'Netherlands', 'Spain', 'United States'],
      },
    ],
    apply: (spec) => ({
      ...spec,
      ...updated('2026-08-10', '2026-08-06'),
      sites: [
        ...spec.sites,
        {
          facility: 'Mayo Clinic in Rochester',
          city: 'Rochester',
          state: 'Minnesota',
          zip: '55905',
          country: 'United States',
        },
        {
          facility: 'Istituto Europeo di Oncologia',
          city: 'Milan',
          country: 'Italy',
          status: 'NOT_YET_RECRUITING',
        },
      ],
    }),
  },
];
