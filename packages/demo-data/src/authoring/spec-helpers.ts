import type { InterventionSpec, InterventionType, SiteSpec } from './study-spec.js';

export const NET_CONDITIONS = ['Neuroendocrine Tumors', 'Gastroenteropancreatic Neuroendocrine Tumor'];
export const PANCREATIC_NET_CONDITIONS = ['Pancreatic Neuroendocrine Tumor', 'Neuroendocrine Tumors'];

/** An intervention given to the named arms. */
export function intervention(
  type: InterventionType,
  name: string,
  arms: string[],
  description: string,
  otherNames?: string[],
): InterventionSpec {
  return { type, name, arms, description, ...(otherNames === undefined ? {} : { otherNames }) };
}

export const FOUR_CYCLES_LU =
  'Four cycles of 7.4 GBq every eight weeks, with an amino-acid infusion for kidney protection.';

export const NCI = { name: 'National Cancer Institute (NCI)', class: 'NIH' } as const;

export const NCI_NETWORK_SITES: SiteSpec[] = [
  {
    facility: 'City of Hope Comprehensive Cancer Center',
    city: 'Duarte',
    state: 'California',
    zip: '91010',
    country: 'United States',
  },
  {
    facility: 'Moffitt Cancer Center',
    city: 'Tampa',
    state: 'Florida',
    zip: '33612',
    country: 'United States',
  },
  {
    facility: 'Yale University',
    city: 'New Haven',
    state: 'Connecticut',
    zip: '06520',
    country: 'United States',
  },
];
