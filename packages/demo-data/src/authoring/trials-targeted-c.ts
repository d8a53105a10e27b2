import { FOUR_CYCLES_LU, intervention, NCI, NCI_NETWORK_SITES, NET_CONDITIONS } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

/** Table 2's targeted-therapy combinations (ASTX727, triapine phase I, olaparib phase I/II), April 2024. */
export const TARGETED_TRIALS_C: TrialSpec[] = [
  {
    nctId: 'NCT05178693',
    orgStudyId: 'UCL-LANTANA-21',
    acronym: 'LANTana',
    briefTitle: 'ASTX727 With [177Lu]Lu-DOTA-TATE in Neuroendocrine Tumours',
    officialTitle:
      'LANTana: a Phase I Study of Oral ASTX727 (Decitabine and Cedazuridine) Before and With [177Lu]Lu-DOTA-TATE in Patients With Neuroendocrine Tumours',
    sponsor: { name: 'University College, London', class: 'OTHER' },
    summary:
      'A phase I study in the UK of the oral hypomethylating agent ASTX727 with four cycles of 7.4 GBq [177Lu]Lu-DOTA-TATE in 27 patients, testing whether it raises somatostatin receptor expression.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'ASTX727', 'epigenetic priming'],
    status: 'RECRUITING',
    statusVerified: '2023-11',
    startDate: { date: '2022-08-01', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2025-08', type: 'ESTIMATED' },
    completionDate: { date: '2026-02', type: 'ESTIMATED' },
    firstSubmitted: '2021-12-20',
    firstPosted: '2022-01-05',
    lastUpdateSubmitted: '2023-11-16',
    lastUpdatePosted: '2023-11-20',
    phases: ['PHASE1'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 27, type: 'ESTIMATED' },
    arms: [
      {
        label: 'ASTX727 + [177Lu]Lu-DOTA-TATE',
        type: 'EXPERIMENTAL',
        description: 'ASTX727 for five days before each of four cycles of 7.4 GBq [177Lu]Lu-DOTA-TATE.',
      },
    ],
    interventions: [
      intervention('DRUG', '[177Lu]Lu-DOTA-TATE', ['ASTX727 + [177Lu]Lu-DOTA-TATE'], FOUR_CYCLES_LU, [
        'Lutathera',
      ]),
      intervention(
        'DRUG',
        'ASTX727',
        ['ASTX727 + [177Lu]Lu-DOTA-TATE'],
        'One tablet orally, days 1-5 before each cycle.',
        ['decitabine and cedazuridine', 'Inqovi'],
      ),
    ],
    primaryOutcome: { measure: 'Safety and tolerability (CTCAE v5.0)', timeFrame: '12 months' },
    sites: [{ facility: 'Royal Free Hospital', city: 'London', country: 'United Kingdom' }],
  },
  {
    nctId: 'NCT04234568',
    orgStudyId: 'NCI-2020-00214',
    briefTitle: 'Triapine and 177Lu-DOTATATE in Gastroenteropancreatic Neuroendocrine Tumors',
    officialTitle:
      'A Phase I Study of Triapine in Combination With 177Lu-DOTATATE in Patients With Well-Differentiated Somatostatin Receptor-Positive Gastroenteropancreatic Neuroendocrine Tumors',
    sponsor: NCI,
    summary:
      'A multicentre phase I study in the USA of triapine with four cycles of 7.4 GBq 177Lu-DOTATATE in 31 patients; first results were published as a conference abstract.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'triapine', 'radiosensitiser'],
    status: 'ACTIVE_NOT_RECRUITING',
    statusVerified: '2024-01',
    startDate: { date: '2020-03-18', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-10-31', type: 'ACTUAL' },
    completionDate: { date: '2025-03', type: 'ESTIMATED' },
    firstSubmitted: '2020-01-17',
    firstPosted: '2020-01-21',
    lastUpdateSubmitted: '2024-01-08',
    lastUpdatePosted: '2024-01-10',
    phases: ['PHASE1'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 31, type: 'ACTUAL' },
    arms: [
      {
        label: 'Treatment (triapine, 177Lu-DOTATATE)',
        type: 'EXPERIMENTAL',
        description: 'Triapine orally around each of four cycles of 7.4 GBq 177Lu-DOTATATE.',
      },
    ],
    interventions: [
      intervention('DRUG', '177Lu-DOTATATE', ['Treatment (triapine, 177Lu-DOTATATE)'], FOUR_CYCLES_LU, [
        'Lutetium Lu 177 Dotatate',
        'Lutathera',
      ]),
      intervention(
        'DRUG',
        'Triapine',
        ['Treatment (triapine, 177Lu-DOTATATE)'],
        'Orally at escalating doses.',
      ),
    ],
    primaryOutcome: { measure: 'Recommended phase II dose of triapine', timeFrame: '8 weeks' },
    sites: NCI_NETWORK_SITES,
  },
  {
    nctId: 'NCT04086485',
    orgStudyId: 'NCI-19-C-0143',
    briefTitle: 'Olaparib and 177Lu-DOTATATE for Metastatic Neuroendocrine Tumors',
    officialTitle:
      'A Phase I/II Study of the PARP Inhibitor Olaparib in Combination With 177Lu-DOTATATE in Patients With Inoperable Metastatic Neuroendocrine Tumors',
    sponsor: NCI,
    summary:
      'A phase I/II study in Maryland, USA, of olaparib with four cycles of 177Lu-DOTATATE in 42 patients with inoperable metastatic neuroendocrine tumours.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'PARP inhibitor', 'olaparib'],
    status: 'RECRUITING',
    statusVerified: '2024-03',
    startDate: { date: '2019-11-20', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2026-12-31', type: 'ESTIMATED' },
    completionDate: { date: '2027-12-31', type: 'ESTIMATED' },
    firstSubmitted: '2019-09-11',
    firstPosted: '2019-09-13',
    lastUpdateSubmitted: '2024-03-05',
    lastUpdatePosted: '2024-03-07',
    phases: ['PHASE1', 'PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 42, type: 'ESTIMATED' },
    arms: [
      {
        label: '177Lu-DOTATATE + olaparib',
        type: 'EXPERIMENTAL',
        description: 'Olaparib (dose escalation, then expansion) with four cycles of 177Lu-DOTATATE.',
      },
    ],
    interventions: [
      intervention('DRUG', 'Lutetium Lu 177 Dotatate', ['177Lu-DOTATATE + olaparib'], FOUR_CYCLES_LU, [
        '177Lu-DOTATATE',
      ]),
      intervention(
        'DRUG',
        'Olaparib',
        ['177Lu-DOTATATE + olaparib'],
        'Orally, twice daily around each cycle.',
        ['Lynparza'],
      ),
    ],
    primaryOutcome: { measure: 'Maximum tolerated dose, then objective response rate', timeFrame: '2 years' },
    sites: [
      {
        facility: 'National Institutes of Health Clinical Center',
        city: 'Bethesda',
        state: 'Maryland',
        zip: '20892',
        country: 'United States',
      },
    ],
  },
];
