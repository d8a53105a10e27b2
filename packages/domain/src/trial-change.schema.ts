import { z } from 'zod';
import { PartialDate, PrrtClassification, Trial } from './trial.schema.js';

/** The change types diffTrials produces, in the order it reports them. */
export const TRIAL_CHANGE_TYPES = [
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

/** Every event type: the changes above plus the ones the pipeline produces itself (not diffTrials). */
export const EVENT_TYPES = [
  ...TRIAL_CHANGE_TYPES,
  'trial_added',
  'trial_removed',
  'cohort_entered',
  'cohort_left',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const DATE_FIELDS = ['startDate', 'primaryCompletionDate', 'completionDate'] as const;
export const DateField = z.enum(DATE_FIELDS);
export type DateField = z.infer<typeof DateField>;

/** How a date moved (see classifyDateChange). */
export const DateChangeKind = z.enum(['slip', 'pull_in', 'refined', 'actualized']);
export type DateChangeKind = z.infer<typeof DateChangeKind>;

/** A site as changes name it: facility + city + country is its key. */
export const SiteKey = z.object({
  facility: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});
export type SiteKey = z.infer<typeof SiteKey>;

const Enrollment = Trial.shape.enrollment;

export const TrialChange = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status_changed'),
    from: z.string(),
    to: z.string(),
    /** True when the new status is UNKNOWN: the registry sets it on overdue records, not the sponsor. */
    registryGenerated: z.boolean(),
  }),
  z.object({
    type: z.literal('why_stopped_changed'),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  z.object({ type: z.literal('enrollment_changed'), from: Enrollment, to: Enrollment }),
  z.object({
    type: z.literal('date_changed'),
    field: DateField,
    from: PartialDate.nullable(),
    to: PartialDate.nullable(),
    /** See classifyDateChange; null when only the type changed without confirming the date. */
    kind: DateChangeKind.nullable(),
  }),
  z.object({ type: z.literal('phase_changed'), from: z.array(z.string()), to: z.array(z.string()) }),
  /** `to` is the registry's resultsFirstPostDate (null if the record does not give it). */
  z.object({ type: z.literal('results_posted'), to: z.string().nullable() }),
  z.object({ type: z.literal('sites_changed'), added: z.array(SiteKey), removed: z.array(SiteKey) }),
  z.object({
    type: z.literal('countries_changed'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  /** Intervention names as the trial prints them, compared case- and space-insensitively. */
  z.object({
    type: z.literal('interventions_changed'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  z.object({ type: z.literal('combination_changed'), from: PrrtClassification, to: PrrtClassification }),
]);
export type TrialChange = z.infer<typeof TrialChange>;
export type TrialChangeType = TrialChange['type'];
