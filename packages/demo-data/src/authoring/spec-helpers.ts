import type { InterventionSpec, InterventionType } from './study-spec.js';

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
