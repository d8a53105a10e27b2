import { intervention, NET_CONDITIONS } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

const ITM = { name: 'ITM Solucin GmbH', class: 'INDUSTRY' } as const;

/** COMPETE, COMPOSE and ACTION-1: PRRT against other drugs, in separate arms (PRRT trials, not combinations). */
export const COMPARATOR_TRIALS: TrialSpec[] = [
  {
    nctId: 'NCT03049189',
    orgStudyId: 'ITM-11-COMPETE',
    acronym: 'COMPETE',
    briefTitle: '177Lu-Edotreotide Versus Everolimus in GEP-NETs',
    officialTitle:
      'A Prospective, Randomised, Controlled Phase III Study of 177Lu-Edotreotide Compared With Everolimus in Patients With Inoperable, Progressive, Somatostatin Receptor-Positive Gastroenteropancreatic Neuroendocrine Tumours (COMPETE)',
    sponsor: ITM,
    summary:
      'A randomised phase III trial comparing 177Lu-edotreotide (177Lu-DOTATOC) with everolimus in progressive GEP-NETs: PRRT against a targeted drug, in separate arms.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'DOTATOC', 'everolimus'],
    status: 'ACTIVE_NOT_RECRUITING',
    statusVerified: '2024-01',
    startDate: { date: '2017-02-22', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-12-20', type: 'ACTUAL' },
    completionDate: { date: '2025-06', type: 'ESTIMATED' },
    firstSubmitted: '2017-02-06',
    firstPosted: '2017-02-09',
    lastUpdateSubmitted: '2024-01-15',
    lastUpdatePosted: '2024-01-17',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 309, type: 'ACTUAL' },
    arms: [
      {
        label: '177Lu-edotreotide',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of 7.5 GBq 177Lu-edotreotide.',
      },
      { label: 'Everolimus', type: 'ACTIVE_COMPARATOR', description: 'Everolimus 10 mg orally once daily.' },
    ],
    interventions: [
      intervention(
        'DRUG',
        '177Lu-Edotreotide',
        ['177Lu-edotreotide'],
        'Four cycles of 7.5 GBq, intravenously.',
        ['177Lu-DOTATOC', 'ITM-11'],
      ),
      intervention('DRUG', 'Everolimus', ['Everolimus'], '10 mg orally once daily.', ['Afinitor']),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 6 years' },
    sites: [
      { facility: 'Klinikum rechts der Isar', city: 'Munich', country: 'Germany' },
      { facility: 'Uppsala University Hospital', city: 'Uppsala', country: 'Sweden' },
      {
        facility: 'Peter MacCallum Cancer Centre',
        city: 'Melbourne',
        state: 'Victoria',
        country: 'Australia',
      },
    ],
  },
  {
    nctId: 'NCT04919226',
    orgStudyId: 'ITM-11-COMPOSE',
    acronym: 'COMPOSE',
    briefTitle: '177Lu-Edotreotide Versus Best Standard of Care in Well-Differentiated Aggressive GEP-NETs',
    officialTitle:
      'A Prospective, Randomised, Controlled Phase III Study of 177Lu-Edotreotide Compared With Best Standard of Care (CAPTEM, Everolimus or FOLFOX) in Patients With Well-Differentiated Aggressive Grade 2 and Grade 3 GEP-NETs (COMPOSE)',
    sponsor: ITM,
    summary:
      "A randomised phase III trial comparing 177Lu-edotreotide with the investigator's choice of standard of care (CAPTEM, everolimus or FOLFOX) in grade 2 and 3 GEP-NETs: PRRT against other drugs, in separate arms.",
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'DOTATOC', 'CAPTEM', 'FOLFOX', 'everolimus'],
    status: 'RECRUITING',
    statusVerified: '2024-03',
    startDate: { date: '2021-09-27', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2026-06', type: 'ESTIMATED' },
    completionDate: { date: '2028-06', type: 'ESTIMATED' },
    firstSubmitted: '2021-06-03',
    firstPosted: '2021-06-09',
    lastUpdateSubmitted: '2024-03-11',
    lastUpdatePosted: '2024-03-13',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 202, type: 'ESTIMATED' },
    arms: [
      {
        label: '177Lu-edotreotide',
        type: 'EXPERIMENTAL',
        description: 'Six cycles of 7.5 GBq 177Lu-edotreotide.',
      },
      {
        label: 'Best standard of care',
        type: 'ACTIVE_COMPARATOR',
        description: "Investigator's choice of CAPTEM, everolimus or FOLFOX.",
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        '177Lu-Edotreotide',
        ['177Lu-edotreotide'],
        'Six cycles of 7.5 GBq, intravenously.',
        ['ITM-11', '[177Lu]Lu-DOTA-TOC'],
      ),
      intervention('DRUG', 'Capecitabine', ['Best standard of care'], 'Part of CAPTEM.'),
      intervention('DRUG', 'Temozolomide', ['Best standard of care'], 'Part of CAPTEM.'),
      intervention('DRUG', 'Everolimus', ['Best standard of care'], '10 mg orally once daily.'),
      intervention('DRUG', 'FOLFOX', ['Best standard of care'], 'Every two weeks.', [
        'folinic acid, fluorouracil and oxaliplatin',
      ]),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 4 years' },
    sites: [
      { facility: 'Universitätsklinikum Essen', city: 'Essen', country: 'Germany' },
      { facility: 'Hôpital Beaujon', city: 'Clichy', country: 'France' },
      { facility: 'UMC Utrecht', city: 'Utrecht', country: 'Netherlands' },
      {
        facility: 'Mayo Clinic in Rochester',
        city: 'Rochester',
        state: 'Minnesota',
        zip: '55905',
        country: 'United States',
      },
    ],
  },
  {
    nctId: 'NCT05477576',
    orgStudyId: 'RYZ101-301',
    acronym: 'ACTION-1',
    briefTitle: '225Ac-DOTATATE (RYZ101) Versus Standard of Care After 177Lu-Somatostatin Analogue Therapy',
    officialTitle:
      'A Phase Ib/III Open-Label, Randomised Study of RYZ101 (225Ac-DOTATATE) Compared With Standard of Care in Patients With Inoperable, Advanced, SSTR-Positive, Well-Differentiated GEP-NETs That Progressed After Prior 177Lu-Labelled Somatostatin Analogue Therapy (ACTION-1)',
    sponsor: { name: 'RayzeBio, Inc.', class: 'INDUSTRY' },
    summary:
      'After a phase Ib part, a randomised phase III trial in North America and Europe of the alpha emitter 225Ac-DOTATATE against standard of care in patients whose GEP-NETs progressed after 177Lu-DOTATATE.',
    conditions: NET_CONDITIONS,
    keywords: ['alpha emitter', 'actinium-225', 'PRRT'],
    status: 'RECRUITING',
    statusVerified: '2024-03',
    startDate: { date: '2022-08-29', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2026-12', type: 'ESTIMATED' },
    completionDate: { date: '2028-12', type: 'ESTIMATED' },
    firstSubmitted: '2022-07-25',
    firstPosted: '2022-07-27',
    lastUpdateSubmitted: '2024-03-25',
    lastUpdatePosted: '2024-03-27',
    phases: ['PHASE3'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 288, type: 'ESTIMATED' },
    arms: [
      {
        label: 'RYZ101',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of 225Ac-DOTATATE every eight weeks.',
      },
      {
        label: 'Standard of care',
        type: 'ACTIVE_COMPARATOR',
        description: "Investigator's choice of everolimus, sunitinib or high-dose octreotide or lanreotide.",
      },
    ],
    interventions: [
      intervention('DRUG', '225Ac-DOTATATE', ['RYZ101'], 'Intravenously every eight weeks.', [
        'RYZ101',
        '[225Ac]Ac-DOTATATE',
      ]),
      intervention('DRUG', 'Everolimus', ['Standard of care'], '10 mg orally once daily.'),
      intervention('DRUG', 'Sunitinib Malate', ['Standard of care'], '37.5 mg orally once daily.'),
      intervention(
        'DRUG',
        'High-dose somatostatin analogue',
        ['Standard of care'],
        'Octreotide or lanreotide.',
        ['octreotide LAR 60 mg', 'lanreotide 120 mg every 14 days'],
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 3 years' },
    sites: [
      {
        facility: 'MD Anderson Cancer Center',
        city: 'Houston',
        state: 'Texas',
        zip: '77030',
        country: 'United States',
      },
      {
        facility: 'Moffitt Cancer Center',
        city: 'Tampa',
        state: 'Florida',
        zip: '33612',
        country: 'United States',
      },
      { facility: 'Princess Margaret Cancer Centre', city: 'Toronto', state: 'Ontario', country: 'Canada' },
      { facility: 'Erasmus MC', city: 'Rotterdam', country: 'Netherlands' },
      { facility: 'Hospital Universitario 12 de Octubre', city: 'Madrid', country: 'Spain' },
    ],
  },
];
