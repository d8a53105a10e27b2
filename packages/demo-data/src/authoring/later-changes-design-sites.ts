import type { LaterChange } from './later-change.js';
import { intervention } from './spec-helpers.js';
import { updated } from './later-change.js';

/** Today's illustrative changes to sites, interventions and status set by the registry. */
export const DESIGN_AND_SITE_CHANGES: LaterChange[] = [
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
