/** The kinds of change the pipeline detects, as planted-changes.json names them. */
export const PLANTED_CHANGE_TYPES = [
  'status_changed',
  'why_stopped_changed',
  'enrollment_changed',
  'date_changed',
  'phase_changed',
  'results_posted',
  'sites_changed',
  'countries_changed',
  'interventions_changed',
  'combination_changed',
] as const;
export type PlantedChangeType = (typeof PLANTED_CHANGE_TYPES)[number];

export type PlantedDateField = 'startDate' | 'primaryCompletionDate' | 'completionDate';
export type PlantedDateKind = 'slip' | 'pull_in' | 'refined' | 'actualized';

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
