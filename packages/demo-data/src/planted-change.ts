import type { DateChangeKind, DateField, TrialChangeType } from '@trialwatch/domain';

/** The kinds of change the pipeline detects, as planted-changes.json names them (the domain's own list). */
export { TRIAL_CHANGE_TYPES as PLANTED_CHANGE_TYPES } from '@trialwatch/domain';
export type PlantedChangeType = TrialChangeType;
export type PlantedDateField = DateField;
export type PlantedDateKind = DateChangeKind;

/**
 * One change planted between the 2024-04 snapshot and today's records. `from` and `to` are the values
 * before and after: a status, a date as printed, an enrollment count, the phase list, the site list
 * ("facility, city, country"), the country list, the intervention names, the results' first post date.
 */
export interface PlantedChange {
  nctId: string;
  type: PlantedChangeType;
  field?: PlantedDateField;
  kind?: PlantedDateKind;
  from?: string | number | string[] | null;
  to?: string | number | string[] | null;
}
