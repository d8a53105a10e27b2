import { FOUR_CYCLES_LU, intervention, NET_CONDITIONS } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

const AAA = { name: 'Advanced Accelerator Applications', class: 'INDUSTRY' } as const;

/** NETTER-1 and NETTER-2: 177Lu-DOTATATE with octreotide (a somatostatin analogue, not a Table 2 combination). */
export const NETTER_TRIALS: TrialSpec[] = [
  {
    nctId: 'NCT01578239',
    orgStudyId: 'AAA-III-01',
    acronym: 'NETTER-1',
    briefTitle:
      '177Lu-DOTA0-Tyr3-Octreotate Versus High-Dose Octreotide LAR in Midgut Neuroendocrine Tumours',
    officialTitle:
      'A Randomised Phase III Study of 177Lu-DOTA0-Tyr3-Octreotate Plus Octreotide LAR 30 mg Versus Octreotide LAR 60 mg in Patients With Inoperable, Progressive, Somatostatin Receptor-Positive Midgut Carcinoid Tumours (NETTER-1)',
    sponsor: AAA,
    summary:
      'A randomised phase III trial of four cycles of 7.4 GBq 177Lu-DOTATATE every eight weeks plus long-acting octreotide 30 mg versus long-acting octreotide 60 mg every four weeks in inoperable, well-differentiated midgut neuroendocrine tumours (116 and 113 patients in the final analysis).',
    conditions: ['Midgut Carcinoid Tumour', 'Neuroendocrine Tumors'],
    keywords: ['PRRT', 'Lutathera', 'somatostatin analogue'],
    status: 'COMPLETED',
    statusVerified: '2021-12',
    startDate: { date: '2012-07', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2016-07-24', type: 'ACTUAL' },
    completionDate: { date: '2021-01-20', type: 'ACTUAL' },
    firstSubmitted: '2012-04-12',
    firstPosted: '2012-04-16',
    lastUpdateSubmitted: '2021-12-06',
    lastUpdatePosted: '2021-12-09',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 229, type: 'ACTUAL' },
    arms: [
      {
        label: '177Lu-DOTA0-Tyr3-Octreotate + Octreotide LAR 30 mg',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of 7.4 GBq every eight weeks, with octreotide LAR 30 mg.',
      },
      {
        label: 'Octreotide LAR 60 mg',
        type: 'ACTIVE_COMPARATOR',
        description: 'Octreotide LAR 60 mg every four weeks.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        '177Lu-DOTA0-Tyr3-Octreotate',
        ['177Lu-DOTA0-Tyr3-Octreotate + Octreotide LAR 30 mg'],
        FOUR_CYCLES_LU,
        ['Lutathera', '[177Lu-DOTA0,Tyr3]octreotate', 'Lutetium Lu 177 Dotatate'],
      ),
      intervention(
        'DRUG',
        'Octreotide LAR',
        ['177Lu-DOTA0-Tyr3-Octreotate + Octreotide LAR 30 mg', 'Octreotide LAR 60 mg'],
        'Long-acting octreotide, intramuscularly.',
        ['Sandostatin LAR'],
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 5 years' },
    sites: [
      {
        facility: 'Moffitt Cancer Center',
        city: 'Tampa',
        state: 'Florida',
        zip: '33612',
        country: 'United States',
      },
      { facility: 'Hôpital Beaujon', city: 'Clichy', country: 'France' },
      { facility: 'Charité Universitätsmedizin Berlin', city: 'Berlin', country: 'Germany' },
      { facility: 'Royal Free Hospital', city: 'London', country: 'United Kingdom' },
      { facility: 'Erasmus MC', city: 'Rotterdam', country: 'Netherlands' },
    ],
    results: {
      firstSubmitted: '2018-01-10',
      firstPosted: '2018-02-07',
      groupTitle: '177Lu-DOTA0-Tyr3-Octreotate + Octreotide LAR 30 mg',
      groupDescription: 'Four cycles of 7.4 GBq every eight weeks, with octreotide LAR 30 mg.',
      started: 116,
      completed: 97,
      outcomeTitle: 'Participants With Disease Progression or Death',
      outcomeTimeFrame: 'Up to 5 years',
      outcomeUnit: 'Participants',
      outcomeValue: 23,
    },
  },
  {
    nctId: 'NCT03972488',
    orgStudyId: 'CAAA601A22301',
    acronym: 'NETTER-2',
    briefTitle: '[177Lu]Lu-DOTA-TATE as First-Line Therapy in Grade 2 and 3 GEP-NETs',
    officialTitle:
      'A Randomised Phase III Study of [177Lu]Lu-DOTA-TATE Plus Octreotide LAR 30 mg Versus High-Dose Octreotide LAR 60 mg as First-Line Treatment of Patients With Newly Diagnosed Advanced Grade 2 and 3 Gastroenteropancreatic Neuroendocrine Tumours (NETTER-2)',
    sponsor: AAA,
    summary:
      'A randomised phase III trial of [177Lu]Lu-DOTA-TATE plus octreotide as first-line treatment versus high-dose octreotide alone in advanced, well-differentiated grade 2 and 3 GEP-NETs.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'first line', 'grade 3 NET'],
    status: 'ACTIVE_NOT_RECRUITING',
    statusVerified: '2024-02',
    startDate: { date: '2020-01-21', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-07-20', type: 'ACTUAL' },
    completionDate: { date: '2027-12', type: 'ESTIMATED' },
    firstSubmitted: '2019-06-03',
    firstPosted: '2019-06-07',
    lastUpdateSubmitted: '2024-02-19',
    lastUpdatePosted: '2024-02-21',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 226, type: 'ACTUAL' },
    arms: [
      {
        label: '[177Lu]Lu-DOTA-TATE + octreotide LAR 30 mg',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of 7.4 GBq with octreotide LAR 30 mg, then octreotide LAR 30 mg.',
      },
      {
        label: 'High-dose octreotide LAR 60 mg',
        type: 'ACTIVE_COMPARATOR',
        description: 'Octreotide LAR 60 mg every four weeks.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        '[177Lu]Lu-DOTA-TATE',
        ['[177Lu]Lu-DOTA-TATE + octreotide LAR 30 mg'],
        FOUR_CYCLES_LU,
        ['Lutathera', 'Lutetium Lu 177 Dotatate'],
      ),
      intervention(
        'DRUG',
        'Octreotide LAR',
        ['[177Lu]Lu-DOTA-TATE + octreotide LAR 30 mg', 'High-dose octreotide LAR 60 mg'],
        'Long-acting octreotide, intramuscularly.',
        ['Sandostatin LAR'],
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 3 years' },
    sites: [
      { facility: 'Princess Margaret Cancer Centre', city: 'Toronto', state: 'Ontario', country: 'Canada' },
      { facility: 'Erasmus MC', city: 'Rotterdam', country: 'Netherlands' },
      { facility: 'Universitätsklinikum Essen', city: 'Essen', country: 'Germany' },
      {
        facility: 'MD Anderson Cancer Center',
        city: 'Houston',
        state: 'Texas',
        zip: '77030',
        country: 'United States',
      },
    ],
  },
];
