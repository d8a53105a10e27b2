import { intervention, NET_CONDITIONS, PANCREATIC_NET_CONDITIONS } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

/** Table 2's chemotherapy combinations, as registered around April 2024. */
export const CHEMOTHERAPY_TRIALS: TrialSpec[] = [
  {
    nctId: 'NCT04194125',
    orgStudyId: 'NMC-PRRT-CAPTEM-01',
    briefTitle: '177Lu-DOTATOC With Capecitabine and Temozolomide in Advanced Neuroendocrine Tumours',
    officialTitle:
      'A Phase II Study of Peptide Receptor Radionuclide Therapy With [177Lu]Lu-DOTA-TOC Combined With Capecitabine and Temozolomide (CAPTEM) in Patients With Progressive Neuroendocrine Tumours',
    sponsor: { name: 'Nuclear Medicine Centre Warsaw', class: 'OTHER' },
    summary:
      'A single-arm phase II study in Poland of up to four cycles of 7.4 GBq [177Lu]Lu-DOTA-TOC given with capecitabine and temozolomide (CAPTEM) to 25 patients with progressive, somatostatin receptor-positive neuroendocrine tumours.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'CAPTEM', 'DOTATOC', 'radiosensitisation'],
    status: 'UNKNOWN',
    lastKnownStatus: 'RECRUITING',
    statusVerified: '2021-02',
    startDate: { date: '2019-11-04', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2022-12', type: 'ESTIMATED' },
    completionDate: { date: '2023-06', type: 'ESTIMATED' },
    firstSubmitted: '2019-12-06',
    firstPosted: '2019-12-11',
    lastUpdateSubmitted: '2021-02-14',
    lastUpdatePosted: '2021-02-18',
    phases: ['PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 25, type: 'ESTIMATED' },
    arms: [
      {
        label: '177Lu-DOTATOC + CAPTEM',
        type: 'EXPERIMENTAL',
        description:
          'Up to four cycles of 7.4 GBq 177Lu-DOTATOC, each with oral capecitabine and temozolomide.',
      },
    ],
    interventions: [
      intervention(
        'RADIATION',
        '177Lu-Edotreotide (Peptide Receptor Radionuclide Therapy) PRRT',
        ['177Lu-DOTATOC + CAPTEM'],
        'Up to four cycles of 7.4 GBq, intravenously.',
        ['[177Lu]Lu-DOTA-TOC', '177Lu-DOTATOC'],
      ),
      intervention('DRUG', 'Capecitabine', ['177Lu-DOTATOC + CAPTEM'], 'Orally, days 1-14 of each cycle.', [
        'Xeloda',
      ]),
      intervention('DRUG', 'Temozolomide', ['177Lu-DOTATOC + CAPTEM'], 'Orally, days 10-14 of each cycle.', [
        'Temodal',
      ]),
    ],
    primaryOutcome: { measure: 'Objective response rate (RECIST 1.1)', timeFrame: '12 months' },
    sites: [{ facility: 'Nuclear Medicine Centre Warsaw', city: 'Warsaw', country: 'Poland' }],
  },
  {
    nctId: 'NCT05387603',
    orgStudyId: 'START-NET-2022',
    acronym: 'START-NET',
    briefTitle: 'PRRT With or Without Capecitabine in Advanced Neuroendocrine Tumours',
    officialTitle:
      'A Randomised Phase III Trial of [177Lu]Lu-DOTA-TOC With or Without Capecitabine as a Radiosensitiser in Patients With Advanced Neuroendocrine Tumours (START-NET)',
    sponsor: { name: 'Swedish NET Study Group', class: 'NETWORK' },
    summary:
      'A randomised phase III trial in Sweden comparing up to seven cycles of 7.5 GBq [177Lu]Lu-DOTA-TOC with and without capecitabine in 300 patients with advanced neuroendocrine tumours.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'capecitabine', 'DOTATOC', 'randomised'],
    status: 'NOT_YET_RECRUITING',
    statusVerified: '2024-01',
    startDate: { date: '2024-05-20', type: 'ESTIMATED' },
    primaryCompletionDate: { date: '2029-12', type: 'ESTIMATED' },
    completionDate: { date: '2031-12', type: 'ESTIMATED' },
    firstSubmitted: '2022-05-17',
    firstPosted: '2022-05-23',
    lastUpdateSubmitted: '2024-01-30',
    lastUpdatePosted: '2024-02-02',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 300, type: 'ESTIMATED' },
    arms: [
      {
        label: '177Lu-DOTATOC + capecitabine',
        type: 'EXPERIMENTAL',
        description: 'Up to seven cycles of 7.5 GBq 177Lu-DOTATOC with oral capecitabine around each cycle.',
      },
      {
        label: '177Lu-DOTATOC alone',
        type: 'ACTIVE_COMPARATOR',
        description: 'Up to seven cycles of 7.5 GBq 177Lu-DOTATOC.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        '[177Lu]Lu-DOTA-TOC',
        ['177Lu-DOTATOC + capecitabine', '177Lu-DOTATOC alone'],
        'Up to seven cycles of 7.5 GBq, intravenously.',
        ['177Lu-edotreotide', '177Lu-DOTATOC'],
      ),
      intervention(
        'DRUG',
        'Capecitabine',
        ['177Lu-DOTATOC + capecitabine'],
        'Orally, twice daily for 14 days per cycle.',
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 5 years' },
    sites: [
      { facility: 'Uppsala University Hospital', city: 'Uppsala', country: 'Sweden' },
      { facility: 'Karolinska University Hospital', city: 'Stockholm', country: 'Sweden' },
      { facility: 'Sahlgrenska University Hospital', city: 'Gothenburg', country: 'Sweden' },
      { facility: 'Skåne University Hospital', city: 'Lund', country: 'Sweden' },
    ],
  },
  {
    nctId: 'NCT02736448',
    orgStudyId: 'IRST-LUCAS-2015',
    acronym: 'Lu-Ca-S',
    briefTitle: 'Low-Dose 177Lu-PRRT With Capecitabine and Temozolomide in Neuroendocrine Tumours',
    officialTitle:
      'A Phase II Study of Low-Activity 177Lu-PRRT (Seven Cycles of 3.7 GBq) Combined With Capecitabine and Temozolomide in Patients With Advanced Neuroendocrine Tumours (Lu-Ca-S)',
    sponsor: { name: 'Istituto Romagnolo per lo Studio dei Tumori', class: 'OTHER' },
    summary:
      'A phase II study in Italy of seven cycles of 3.7 GBq 177Lu-labelled PRRT combined with capecitabine and temozolomide in 35 patients with advanced neuroendocrine tumours.',
    conditions: PANCREATIC_NET_CONDITIONS,
    keywords: ['PRRT', 'CAPTEM', 'low-dose PRRT'],
    status: 'UNKNOWN',
    lastKnownStatus: 'RECRUITING',
    statusVerified: '2019-05',
    startDate: { date: '2016-03', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2020-12', type: 'ESTIMATED' },
    completionDate: { date: '2021-12', type: 'ESTIMATED' },
    firstSubmitted: '2016-04-05',
    firstPosted: '2016-04-13',
    lastUpdateSubmitted: '2019-05-20',
    lastUpdatePosted: '2019-05-22',
    phases: ['PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 35, type: 'ESTIMATED' },
    arms: [
      {
        label: 'Low-dose 177Lu-PRRT + CAPTEM',
        type: 'EXPERIMENTAL',
        description: 'Seven cycles of 3.7 GBq 177Lu-PRRT, each with capecitabine and temozolomide.',
      },
    ],
    interventions: [
      intervention(
        'RADIATION',
        '177Lu-PRRT',
        ['Low-dose 177Lu-PRRT + CAPTEM'],
        'Seven cycles of 3.7 GBq of a 177Lu-labelled somatostatin analogue.',
        ['[177Lu]Lu-PRRT', 'Lutetium-177 labelled somatostatin analogue'],
      ),
      intervention('DRUG', 'Capecitabine', ['Low-dose 177Lu-PRRT + CAPTEM'], 'Orally, 14 days per cycle.'),
      intervention('DRUG', 'Temozolomide', ['Low-dose 177Lu-PRRT + CAPTEM'], 'Orally, 5 days per cycle.'),
    ],
    primaryOutcome: { measure: 'Disease control rate', timeFrame: '18 months' },
    sites: [
      { facility: 'Istituto Romagnolo per lo Studio dei Tumori', city: 'Meldola', country: 'Italy' },
      { facility: 'Ospedale Santa Maria delle Croci', city: 'Ravenna', country: 'Italy' },
    ],
  },
];
