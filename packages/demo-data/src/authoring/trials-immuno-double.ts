import { FOUR_CYCLES_LU, intervention, NET_CONDITIONS, PANCREATIC_NET_CONDITIONS } from './spec-helpers.js';
import type { TrialSpec } from './study-spec.js';

const UNIVERSITY_OF_IOWA = {
  facility: 'University of Iowa Hospitals and Clinics',
  city: 'Iowa City',
  state: 'Iowa',
  zip: '52242',
  country: 'United States',
};

/** Table 2's immunotherapy, double-PRRT and neoadjuvant trials, April 2024. */
export const IMMUNO_DOUBLE_TRIALS: TrialSpec[] = [
  {
    nctId: 'NCT03457948',
    orgStudyId: 'NET-PEMBRO-LDT-2018',
    briefTitle:
      'Pembrolizumab With 177Lu-DOTATATE and Radioembolization for Liver-Dominant Neuroendocrine Tumors',
    officialTitle:
      'A Phase II Study of Pembrolizumab Combined With Lutetium Lu 177 Dotatate and Yttrium-90 Glass Microsphere Radioembolization in Patients With Liver-Dominant Metastatic Neuroendocrine Tumors',
    sponsor: { name: 'Stanford University', class: 'OTHER' },
    summary:
      'A phase II study in California, USA, combining pembrolizumab with up to four cycles of 177Lu-DOTATATE and transarterial radioembolization with 90Y glass microspheres in 32 patients with liver-dominant disease.',
    conditions: ['Neuroendocrine Tumors', 'Liver Metastases'],
    keywords: ['PRRT', 'immunotherapy', 'pembrolizumab', 'radioembolization', 'SIRT'],
    status: 'ACTIVE_NOT_RECRUITING',
    statusVerified: '2023-10',
    startDate: { date: '2018-04-02', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-03-31', type: 'ACTUAL' },
    completionDate: { date: '2024-12', type: 'ESTIMATED' },
    firstSubmitted: '2018-02-28',
    firstPosted: '2018-03-07',
    lastUpdateSubmitted: '2023-10-02',
    lastUpdatePosted: '2023-10-04',
    phases: ['PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 32, type: 'ACTUAL' },
    arms: [
      {
        label: 'Pembrolizumab + 177Lu-DOTATATE + Y-90 radioembolization',
        type: 'EXPERIMENTAL',
        description:
          'Pembrolizumab every three weeks with up to four cycles of 177Lu-DOTATATE and liver radioembolization with 90Y glass microspheres.',
      },
    ],
    interventions: [
      intervention(
        'DRUG',
        'Pembrolizumab',
        ['Pembrolizumab + 177Lu-DOTATATE + Y-90 radioembolization'],
        '200 mg intravenously every three weeks.',
        ['Keytruda', 'MK-3475'],
      ),
      intervention(
        'DRUG',
        'Lutetium Lu 177 Dotatate',
        ['Pembrolizumab + 177Lu-DOTATATE + Y-90 radioembolization'],
        'Up to four cycles, intravenously.',
        ['Lutathera'],
      ),
      intervention(
        'DEVICE',
        'Yttrium-90 glass microspheres (TheraSphere)',
        ['Pembrolizumab + 177Lu-DOTATATE + Y-90 radioembolization'],
        'Glass microspheres carrying yttrium-90, delivered into the hepatic artery.',
        ['TheraSphere'],
      ),
      intervention(
        'PROCEDURE',
        'Transarterial radioembolization',
        ['Pembrolizumab + 177Lu-DOTATATE + Y-90 radioembolization'],
        'Radioembolization of liver metastases through a hepatic artery catheter.',
        ['TARE', 'SIRT'],
      ),
    ],
    primaryOutcome: { measure: 'Objective response rate (RECIST 1.1)', timeFrame: '6 months' },
    sites: [
      {
        facility: 'Stanford Cancer Institute',
        city: 'Palo Alto',
        state: 'California',
        zip: '94304',
        country: 'United States',
      },
    ],
  },
  {
    nctId: 'NCT04525638',
    orgStudyId: 'GETNE-T2003',
    briefTitle: 'Nivolumab Plus 177Lu-DOTATATE in Advanced Neuroendocrine Tumours',
    officialTitle:
      'A Phase II Study of Nivolumab Plus 177Lu-DOTATATE (Up to Four Cycles of 7.4 GBq) in Patients With Advanced Well-Differentiated Neuroendocrine Tumours',
    sponsor: { name: 'Spanish Neuroendocrine Tumour Group', class: 'NETWORK' },
    summary:
      'A phase II study in Spain of nivolumab with up to four cycles of 7.4 GBq 177Lu-DOTATATE in 30 patients with advanced neuroendocrine tumours.',
    conditions: NET_CONDITIONS,
    keywords: ['PRRT', 'immunotherapy', 'nivolumab', 'anti-PD-1'],
    status: 'RECRUITING',
    statusVerified: '2022-07',
    startDate: { date: '2020-10-15', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-12', type: 'ESTIMATED' },
    completionDate: { date: '2024-06', type: 'ESTIMATED' },
    firstSubmitted: '2020-08-19',
    firstPosted: '2020-08-25',
    lastUpdateSubmitted: '2022-07-28',
    lastUpdatePosted: '2022-08-01',
    phases: ['PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 30, type: 'ESTIMATED' },
    arms: [
      {
        label: '177Lu-DOTATATE + nivolumab',
        type: 'EXPERIMENTAL',
        description: 'Nivolumab every four weeks with up to four cycles of 7.4 GBq 177Lu-DOTATATE.',
      },
    ],
    interventions: [
      intervention('DRUG', '177Lu-DOTATATE', ['177Lu-DOTATATE + nivolumab'], FOUR_CYCLES_LU, [
        'Lutathera',
        '[177Lu]Lu-DOTA-TATE',
      ]),
      intervention(
        'BIOLOGICAL',
        'Nivolumab',
        ['177Lu-DOTATATE + nivolumab'],
        '480 mg intravenously every four weeks.',
        ['Opdivo'],
      ),
    ],
    primaryOutcome: { measure: 'Progression-free survival at 12 months', timeFrame: '12 months' },
    sites: [
      { facility: 'Hospital Universitario 12 de Octubre', city: 'Madrid', country: 'Spain' },
      { facility: "Hospital Universitari Vall d'Hebron", city: 'Barcelona', country: 'Spain' },
    ],
  },
  {
    nctId: 'NCT03044977',
    orgStudyId: 'UI-201701-NET-DUAL',
    briefTitle: '90Y-DOTATOC and 131I-MIBG Together in Neuroendocrine Tumours',
    officialTitle:
      'A Phase I Study of Dosimetry-Guided Combined Therapy With [90Y]Y-DOTATOC and 131I-MIBG in Patients With Neuroendocrine Tumours Expressing Both Targets',
    sponsor: { name: 'University of Iowa', class: 'OTHER' },
    summary:
      'A phase I study in Iowa, USA, of up to two cycles of [90Y]Y-DOTATOC together with 131I-MIBG, at doses customised by dosimetry, in 20 patients.',
    conditions: ['Neuroendocrine Tumors', 'Paraganglioma'],
    keywords: ['double PRRT', 'DOTATOC', 'MIBG', 'dosimetry'],
    status: 'ACTIVE_NOT_RECRUITING',
    statusVerified: '2023-08',
    startDate: { date: '2017-06', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2023-06', type: 'ACTUAL' },
    completionDate: { date: '2025-06', type: 'ESTIMATED' },
    firstSubmitted: '2017-02-03',
    firstPosted: '2017-02-07',
    lastUpdateSubmitted: '2023-08-21',
    lastUpdatePosted: '2023-08-23',
    phases: ['PHASE1'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 20, type: 'ACTUAL' },
    arms: [
      {
        label: '90Y-DOTATOC + 131I-MIBG',
        type: 'EXPERIMENTAL',
        description: 'Up to two cycles of both radiopharmaceuticals, activities customised by dosimetry.',
      },
    ],
    interventions: [
      intervention(
        'RADIATION',
        '[90Y]Y-DOTATOC',
        ['90Y-DOTATOC + 131I-MIBG'],
        'Activity set by kidney dosimetry.',
        ['90Y-DOTATOC', 'Yttrium-90 edotreotide'],
      ),
      intervention(
        'RADIATION',
        '131I-MIBG',
        ['90Y-DOTATOC + 131I-MIBG'],
        'Activity set by bone marrow dosimetry.',
        ['Iobenguane I-131'],
      ),
    ],
    primaryOutcome: { measure: 'Dose-limiting toxicities', timeFrame: '12 weeks after the last cycle' },
    sites: [UNIVERSITY_OF_IOWA],
  },
  {
    nctId: 'NCT04385992',
    orgStudyId: 'NEO-LUPANET-2020',
    acronym: 'Neo-LuPaNET',
    briefTitle: 'Neoadjuvant PRRT Before Surgery for Pancreatic Neuroendocrine Tumours',
    officialTitle:
      'Neoadjuvant Peptide Receptor Radionuclide Therapy Followed by Surgery in Patients With Resectable or Borderline-Resectable Pancreatic Neuroendocrine Tumours: a Phase II Study (Neo-LuPaNET)',
    sponsor: { name: 'IRCCS San Raffaele', class: 'OTHER' },
    summary:
      'A phase II study in Italy of four cycles of PRRT ([177Lu]Lu-DOTATATE or [90Y]Y-DOTATOC) before surgical resection in 31 patients with pancreatic neuroendocrine tumours; results were published as a conference abstract.',
    conditions: PANCREATIC_NET_CONDITIONS,
    keywords: ['neoadjuvant PRRT', 'surgery', 'pancreatic NET'],
    status: 'COMPLETED',
    statusVerified: '2023-09',
    startDate: { date: '2020-06-15', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2022-12-20', type: 'ACTUAL' },
    completionDate: { date: '2023-06-30', type: 'ACTUAL' },
    firstSubmitted: '2020-05-08',
    firstPosted: '2020-05-12',
    lastUpdateSubmitted: '2023-09-12',
    lastUpdatePosted: '2023-09-14',
    phases: ['PHASE2'],
    allocation: 'NON_RANDOMIZED',
    interventionModel: 'PARALLEL',
    enrollment: { count: 31, type: 'ACTUAL' },
    arms: [
      {
        label: 'Neoadjuvant 177Lu-DOTATATE, then surgery',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of [177Lu]Lu-DOTATATE, then surgical resection.',
      },
      {
        label: 'Neoadjuvant 90Y-DOTATOC, then surgery',
        type: 'EXPERIMENTAL',
        description: 'Four cycles of [90Y]Y-DOTATOC, then surgical resection.',
      },
    ],
    interventions: [
      intervention(
        'RADIATION',
        '[177Lu]Lu-DOTATATE',
        ['Neoadjuvant 177Lu-DOTATATE, then surgery'],
        FOUR_CYCLES_LU,
        ['Lutathera'],
      ),
      intervention('RADIATION', '[90Y]Y-DOTATOC', ['Neoadjuvant 90Y-DOTATOC, then surgery'], 'Four cycles.', [
        '90Y-DOTATOC',
      ]),
      intervention(
        'PROCEDURE',
        'Surgical resection',
        ['Neoadjuvant 177Lu-DOTATATE, then surgery', 'Neoadjuvant 90Y-DOTATOC, then surgery'],
        'Pancreatic resection 8 to 12 weeks after the last PRRT cycle.',
        ['Pancreatic resection'],
      ),
    ],
    primaryOutcome: { measure: 'Rate of R0 resection', timeFrame: 'At surgery' },
    sites: [{ facility: 'IRCCS Ospedale San Raffaele', city: 'Milan', country: 'Italy' }],
  },
  {
    nctId: 'NCT04614766',
    orgStudyId: 'UI-SPORE-P3-2020',
    acronym: 'SPORE-3',
    briefTitle: '131I-MIBG and 177Lu-DOTATATE Together in Neuroendocrine Tumours',
    officialTitle:
      'A Phase I/II Study of Iobenguane I-131 Combined With Lutetium Lu 177 Dotatate in Patients With Neuroendocrine Tumours Avid for Both Tracers (SPORE-3)',
    sponsor: { name: 'University of Iowa', class: 'OTHER' },
    collaborators: [{ name: 'National Cancer Institute (NCI)', class: 'NIH' }],
    summary:
      'A phase I/II study in Iowa, USA, of 131I-MIBG together with 177Lu-DOTATATE over four cycles in 50 patients whose tumours take up both tracers.',
    conditions: ['Neuroendocrine Tumors', 'Pheochromocytoma', 'Paraganglioma'],
    keywords: ['double PRRT', 'MIBG', 'DOTATATE'],
    status: 'RECRUITING',
    statusVerified: '2024-02',
    startDate: { date: '2021-03-01', type: 'ACTUAL' },
    primaryCompletionDate: { date: '2026-03', type: 'ESTIMATED' },
    completionDate: { date: '2027-03', type: 'ESTIMATED' },
    firstSubmitted: '2020-10-29',
    firstPosted: '2020-11-04',
    lastUpdateSubmitted: '2024-02-12',
    lastUpdatePosted: '2024-02-14',
    phases: ['PHASE1', 'PHASE2'],
    allocation: 'NA',
    interventionModel: 'SINGLE_GROUP',
    enrollment: { count: 50, type: 'ESTIMATED' },
    arms: [
      {
        label: '131I-MIBG + 177Lu-DOTATATE',
        type: 'EXPERIMENTAL',
        description: 'Iobenguane I-131 and lutetium Lu 177 dotatate in each of four cycles.',
      },
    ],
    interventions: [
      intervention(
        'RADIATION',
        'Iobenguane I-131',
        ['131I-MIBG + 177Lu-DOTATATE'],
        'Intravenously, each cycle.',
        ['131I-MIBG'],
      ),
      intervention('DRUG', 'Lutetium Lu 177 Dotatate', ['131I-MIBG + 177Lu-DOTATATE'], FOUR_CYCLES_LU, [
        'Lutathera',
      ]),
    ],
    primaryOutcome: {
      measure: 'Dose-limiting toxicities, then objective response rate',
      timeFrame: '2 years',
    },
    sites: [UNIVERSITY_OF_IOWA],
  },
];
