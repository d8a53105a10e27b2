import type { DateChangeKind, DateField, TrialChangeType } from '@trialwatch/domain';

/**
 * One change planted between the 2024-04 snapshot and today's records. `from` and `to` are the values
 * before and after: a status, a date as printed, an enrollment count, the phase list, the site list
 * ("facility, city, country"), the country list, the intervention names, the results' first post date.
 */
export interface PlantedChange {
  nctId: string;
  type: TrialChangeType;
  field?: DateField;
  kind?: DateChangeKind;
  from?: string | number | string[] | null;
  to?: string | number | string[] | null;
}
