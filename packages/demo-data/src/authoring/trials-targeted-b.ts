import {
  FOUR_CYCLES_LU,
  intervention,
  NCI,
  NCI_NETWORK_SITES,
  NET_CONDITIONS,
  PANCREATIC_NET_CONDITIONS,
} from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

/** Table 2's targeted-therapy combinations (peposertib, sunitinib, triapine phase II), April 2024. */
export const TARGETED_TRIALS_B: TrialSpec[] = [
  {
    nctId: 'NCT04750954',
    orgStudyId: 'NCI-2021-00417',
    briefTitle: 'Peposertib and Lutetium Lu 177 Dotatate in Neuroendocrine Tumors',
    officialTitle:
      'A Phase I Study of Peposertib (M3814) in Combination With Lutetium Lu 177 Dotatate in Patients With Well-Differentiated Gastroenteropancreatic Neuroendocrine Tumors',
    sponsor: NCI,
    summary:
      'A multicentre phase I study in the USA of the DNA-PK inhibitor peposertib (M3814) with four cycles of lutetium Lu 177 dotatate in 29 patients.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'DNA-PK inhibitor', 'peposertib'],
    status: 'RECRUITING',
    statusVerified: '2024-02',
    startDate: { date: '2021-05-14', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2025-06', type: 'ESTIMATED' },
    completionDate: { date: '2026-06', type: 'ESTIMATED' },
    firstSubmitted: '2021-02-09',
    firstPosted: '2021-02-11',
    lastUpdateSubmitted: '2024-02-26',
    lastUpdatePosted: '2024-02-28',
    phases: ['PHASE1'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 29, type: 'ESTIMATED' },
    arms: [
      {
        label: 'Treatment (peposertib, lutetium Lu 177 dotatate)',
        type: 'EXPERIMENTAL',
        description: 'Peposertib orally around each of four cycles of lutetium Lu 177 dotatate.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        'Lutetium Lu 177 Dotatate',
        ['Treatment (peposertib, lutetium Lu 177 dotatate)'],
        FOUR_CYCLES_LU,
        ['177Lu-DOTATATE', 'Lutathera'],
      ),
      intervention(
        'DRUG',
        'Peposertib',
        ['Treatment (peposertib, lutetium Lu 177 dotatate)'],
        'Orally at escalating doses.',
        ['M3814'],
      ),
    ],
    primaryOutcome: { measure: 'Maximum tolerated dose of peposertib', timeFrame: '8 weeks' },
    sites: NCI_NETWORK_SITES,
  },
  {
    nctId: 'NCT05687123',
    orgStudyId: 'UCSF-22-NET-03',
    briefTitle: 'Sunitinib Malate and Lu-177-DOTATATE for Pancreatic Neuroendocrine Tumors',
    officialTitle:
      'A Phase I Study of Sunitinib Malate Combined With Lu-177-DOTATATE in Patients With Advanced Pancreatic Neuroendocrine Tumors',
    sponsor: { name: 'University of California, San Francisco', class: 'OTHER' },
    summary:
      'A phase I study in California, USA, of sunitinib malate with four cycles of Lu-177-DOTATATE in 24 patients with advanced pancreatic neuroendocrine tumours.',
    conditions: PANCREATIC_NET_CONDITIONS,
    keywords: ['PRRT', 'sunitinib', 'tyrosine kinase inhibitor'],
    status: 'RECRUITING',
    statusVerified: '2024-01',
    startDate: { date: '2023-04-10', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2026-06', type: 'ESTIMATED' },
    completionDate: { date: '2027-12', type: 'ESTIMATED' },
    firstSubmitted: '2023-01-06',
    firstPosted: '2023-01-17',
    lastUpdateSubmitted: '2024-01-22',
    lastUpdatePosted: '2024-01-25',
    phases: ['PHASE1'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 24, type: 'ESTIMATED' },
    arms: [
      {
        label: 'Sunitinib + Lu-177-DOTATATE',
        type: 'EXPERIMENTAL',
        description: 'Daily sunitinib malate with four cycles of Lu-177-DOTATATE.',
      },
    ],
    interventions: [
      intervention('DRUG', 'Lu-177-DOTATATE', ['Sunitinib + Lu-177-DOTATATE'], FOUR_CYCLES_LU, ['Lutathera']),
      intervention('DRUG', 'Sunitinib Malate', ['Sunitinib + Lu-177-DOTATATE'], 'Orally, once daily.', [
        'Sutent',
      ]),
    ],
    primaryOutcome: { measure: 'Dose-limiting toxicities', timeFrame: '12 weeks' },
    sites: [
      {
        facility: 'UCSF Helen Diller Family Comprehensive Cancer Center',
        city: 'San Francisco',
        state: 'California',
        zip: '94158',
        country: 'United States',
      },
    ],
  },
  {
    nctId: 'NCT05724108',
    orgStudyId: 'NCI-2023-00592',
    briefTitle: 'Lutetium Lu 177 Dotatate With or Without Triapine in Neuroendocrine Tumors',
    officialTitle:
      'A Randomized Phase II Trial of Lutetium Lu 177 Dotatate With or Without Triapine in Patients With Somatostatin Receptor-Positive Neuroendocrine Tumors',
    sponsor: NCI,
    summary:
      'A randomised phase II trial across the USA of four cycles of lutetium Lu 177 dotatate with or without triapine in 94 patients.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'triapine', 'ribonucleotide reductase inhibitor'],
    status: 'RECRUITING',
    statusVerified: '2023-09',
    startDate: { date: '2023-05-30', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2027-05-31', type: 'ESTIMATED' },
    completionDate: { date: '2028-05-31', type: 'ESTIMATED' },
    firstSubmitted: '2023-02-01',
    firstPosted: '2023-02-10',
    lastUpdateSubmitted: '2023-09-11',
    lastUpdatePosted: '2023-09-13',
    phases: ['PHASE2'],
    allocation: 'RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 94, type: 'ESTIMATED' },
    arms: [
      {
        label: 'Arm I (triapine, lutetium Lu 177 dotatate)',
        type: 'EXPERIMENTAL',
        description: 'Triapine orally around each of four cycles of lutetium Lu 177 dotatate.',
      },
      {
        label: 'Arm II (lutetium Lu 177 dotatate)',
        type: 'ACTIVE_COMPARATOR',
        description: 'Four cycles of lutetium Lu 177 dotatate.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        'Lutetium Lu 177 Dotatate',
        ['Arm I (triapine, lutetium Lu 177 dotatate)', 'Arm II (lutetium Lu 177 dotatate)'],
        FOUR_CYCLES_LU,
        ['Lutathera', '177Lu-DOTATATE'],
      ),
      intervention(
        'DRUG',
        'Triapine',
        ['Arm I (triapine, lutetium Lu 177 dotatate)'],
        'Orally, days 1-14 of each cycle.',
        ['3-AP'],
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival', timeFrame: 'Up to 3 years' },
    sites: [
      ...NCI_NETWORK_SITES,
      {
        facility: 'Mayo Clinic in Rochester',
        city: 'Rochester',
        state: 'Minnesota',
        zip: '55905',
        country: 'United States',
      },
    ],
  },
];
