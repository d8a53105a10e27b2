import { z } from 'zod';

/**
 * The statuses the registry documents (API 2.0.x). The API may add values: a Trial keeps any string,
 * and normalization reports values outside this list as schema drift.
 */
export const KNOWN_OVERALL_STATUSES = [
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'ENROLLING_BY_INVITATION',
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
  'WITHHELD',
  'UNKNOWN',
] as const;
export type KnownOverallStatus = (typeof KNOWN_OVERALL_STATUSES)[number];

/** A registry date kept as printed, with its precision: `2025-06` is a month, not the 1st or the 30th. */
export const PartialDate = z.object({
  raw: z.string(),
  precision: z.enum(['year', 'month', 'day']),
  type: z.enum(['ACTUAL', 'ESTIMATED']).nullable(),
});
export type PartialDate = z.infer<typeof PartialDate>;

export const AGENT_IDS = [
  'lu177-dotatate',
  'lu177-dotatoc',
  'y90-dotatoc',
  'in111-pentetreotide',
  'i131-mibg',
  'ac225-dotatate',
  'pb212-dotamtate',
  'lu177-fapi',
  'lu177-sstr-antagonist',
  'y90-microspheres',
  'ho166-microspheres',
] as const;
export const AgentId = z.enum(AGENT_IDS);
export type AgentId = z.infer<typeof AgentId>;

export const COMBINATION_CATEGORIES = [
  'chemotherapy',
  'targeted-therapy',
  'immunotherapy',
  'radioembolization',
  'double-prrt',
  'neoadjuvant-surgery',
] as const;
export const CombinationCategory = z.enum(COMBINATION_CATEGORIES);
export type CombinationCategory = z.infer<typeof CombinationCategory>;

export const PrrtClassification = z.object({
  agents: z.array(AgentId),
  combination: z.object({
    isCombination: z.boolean(),
    categories: z.array(CombinationCategory),
    /** Canonical partner names (e.g. `olaparib`, `capecitabine`, `177lu-dotatate` for a second radioligand). */
    partners: z.array(z.string()),
  }),
});
export type PrrtClassification = z.infer<typeof PrrtClassification>;

export const Organization = z.object({ name: z.string(), class: z.string().nullable() });
export type Organization = z.infer<typeof Organization>;

export const Intervention = z.object({
  type: z.string().nullable(),
  name: z.string(),
  otherNames: z.array(z.string()),
  armGroupLabels: z.array(z.string()),
});
export type Intervention = z.infer<typeof Intervention>;

export const Arm = z.object({
  label: z.string(),
  type: z.string().nullable(),
  interventionNames: z.array(z.string()),
});
export type Arm = z.infer<typeof Arm>;

/** A site as the change detector compares it: facility + city + country. */
export const Site = z.object({
  facility: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  status: z.string().nullable(),
});
export type Site = z.infer<typeof Site>;

/** The normalized trial: what users filter, read and get alerted on. */
export const Trial = z.object({
  nctId: z.string().regex(/^NCT\d{8}$/),
  nctIdAliases: z.array(z.string()),
  briefTitle: z.string().nullable(),
  officialTitle: z.string().nullable(),
  acronym: z.string().nullable(),
  overallStatus: z.string(),
  lastKnownStatus: z.string().nullable(),
  whyStopped: z.string().nullable(),
  statusVerifiedDate: z.string().nullable(),
  studyType: z.string().nullable(),
  phases: z.array(z.string()),
  enrollment: z.object({ count: z.number().nullable(), type: z.string().nullable() }).nullable(),
  startDate: PartialDate.nullable(),
  primaryCompletionDate: PartialDate.nullable(),
  completionDate: PartialDate.nullable(),
  studyFirstPostDate: z.string().nullable(),
  resultsFirstPostDate: z.string().nullable(),
  /** "YYYY-MM-DD"; the registry's own version marker. */
  lastUpdatePostDate: z.string().nullable(),
  hasResults: z.boolean(),
  leadSponsor: Organization.nullable(),
  collaborators: z.array(Organization),
  conditions: z.array(z.string()),
  keywords: z.array(z.string()),
  /** Sorted, unique. */
  countries: z.array(z.string()),
  locationCount: z.number().int(),
  sites: z.array(Site),
  interventions: z.array(Intervention),
  arms: z.array(Arm),
  prrt: PrrtClassification,
  /** sha-256 (hex) of the record without `derivedSection`, keys in canonical order. */
  contentHash: z.string(),
});
export type Trial = z.infer<typeof Trial>;
