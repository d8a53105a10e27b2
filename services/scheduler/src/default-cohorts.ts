import type { CohortDoc } from '@trialwatch/store';

/** The 19 trials of the review's Table 2 (Curr Oncol Rep, 2024): the cohort's fixed members. */
export const TABLE2_NCT_IDS = [
  'NCT04194125',
  'NCT05387603',
  'NCT02736448',
  'NCT05053854',
  'NCT05249114',
  'NCT05870423',
  'NCT04375267',
  'NCT04543955',
  'NCT04750954',
  'NCT05687123',
  'NCT05724108',
  'NCT05178693',
  'NCT04234568',
  'NCT04086485',
  'NCT03457948',
  'NCT04525638',
  'NCT03044977',
  'NCT04385992',
  'NCT04614766',
] as const;

/**
 * Therapeutic radioligand names as registries spell them. Diagnostic agents (68Ga-DOTATATE PET) are left
 * out on purpose: the query finds candidates; classification decides what is PRRT.
 */
export const PRRT_INTERVENTION_TERMS = [
  'Lutathera',
  '"lutetium Lu 177 dotatate"',
  '"177Lu-DOTATATE"',
  '"177Lu-DOTA-TATE"',
  '"Lu-177-DOTATATE"',
  '"[177Lu]Lu-DOTATATE"',
  'oxodotreotide',
  '"177Lu-DOTATOC"',
  '"177Lu-edotreotide"',
  '"[177Lu]Lu-DOTA-TOC"',
  '"90Y-DOTATOC"',
  '"[90Y]Y-DOTATOC"',
  '"225Ac-DOTATATE"',
  'RYZ101',
  '"212Pb-DOTAMTATE"',
  '"peptide receptor radionuclide therapy"',
  'PRRT',
] as const;

export const PRRT_COHORT: CohortDoc = {
  _id: 'prrt',
  description:
    'PRRT combination trials: the 19 trials of Table 2 of the 2024 review, plus every trial whose interventions name a therapeutic somatostatin-receptor radioligand.',
  ids: [...TABLE2_NCT_IDS],
  searches: [{ queryIntr: PRRT_INTERVENTION_TERMS.join(' OR ') }],
  cron: '0 2 * * *',
  timeZone: 'UTC',
  enabled: true,
  updatedAt: new Date(0),
};

export const DEFAULT_COHORTS: readonly CohortDoc[] = [PRRT_COHORT];
