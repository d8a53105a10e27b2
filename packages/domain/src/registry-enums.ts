import { KNOWN_OVERALL_STATUSES } from './trial.schema.js';

/**
 * The enum lists the registry documents (OpenAPI 2.0.3, components.schemas), as data. Values outside them
 * are kept as they come and reported as schema drift: the registry adds values without notice.
 */
export const STUDY_STATUSES = KNOWN_OVERALL_STATUSES;
export const STUDY_TYPES = ['EXPANDED_ACCESS', 'INTERVENTIONAL', 'OBSERVATIONAL'] as const;
export const PHASES = ['NA', 'EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;
export const DATE_TYPES = ['ACTUAL', 'ESTIMATED'] as const;
export const ENROLLMENT_TYPES = ['ACTUAL', 'ESTIMATED'] as const;
export const AGENCY_CLASSES = [
  'NIH',
  'FED',
  'OTHER_GOV',
  'INDIV',
  'INDUSTRY',
  'NETWORK',
  'AMBIG',
  'OTHER',
  'UNKNOWN',
] as const;
export const INTERVENTION_TYPES = [
  'BEHAVIORAL',
  'BIOLOGICAL',
  'COMBINATION_PRODUCT',
  'DEVICE',
  'DIAGNOSTIC_TEST',
  'DIETARY_SUPPLEMENT',
  'DRUG',
  'GENETIC',
  'PROCEDURE',
  'RADIATION',
  'OTHER',
] as const;
export const ARM_GROUP_TYPES = [
  'EXPERIMENTAL',
  'ACTIVE_COMPARATOR',
  'PLACEBO_COMPARATOR',
  'SHAM_COMPARATOR',
  'NO_INTERVENTION',
  'OTHER',
] as const;
/** `RecruitmentStatus`: the status of one location. */
export const RECRUITMENT_STATUSES = [
  'ACTIVE_NOT_RECRUITING',
  'COMPLETED',
  'ENROLLING_BY_INVITATION',
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'WITHDRAWN',
  'AVAILABLE',
] as const;
export const ORG_STUDY_ID_TYPES = ['NIH', 'FDA', 'VA', 'CDC', 'AHRQ', 'SAMHSA'] as const;
export const SECONDARY_ID_TYPES = [
  'NIH',
  'FDA',
  'VA',
  'CDC',
  'AHRQ',
  'SAMHSA',
  'OTHER_GRANT',
  'EUDRACT_NUMBER',
  'CTIS',
  'REGISTRY',
  'OTHER',
] as const;
export const EXPANDED_ACCESS_STATUSES = [
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
] as const;
export const RESPONSIBLE_PARTY_TYPES = ['SPONSOR', 'PRINCIPAL_INVESTIGATOR', 'SPONSOR_INVESTIGATOR'] as const;
export const DESIGN_ALLOCATIONS = ['RANDOMIZED', 'NON_RANDOMIZED', 'NA'] as const;
export const INTERVENTIONAL_ASSIGNMENTS = [
  'SINGLE_GROUP',
  'PARALLEL',
  'CROSSOVER',
  'FACTORIAL',
  'SEQUENTIAL',
] as const;
export const PRIMARY_PURPOSES = [
  'TREATMENT',
  'PREVENTION',
  'DIAGNOSTIC',
  'ECT',
  'SUPPORTIVE_CARE',
  'SCREENING',
  'HEALTH_SERVICES_RESEARCH',
  'BASIC_SCIENCE',
  'DEVICE_FEASIBILITY',
  'OTHER',
] as const;
export const OBSERVATIONAL_MODELS = [
  'COHORT',
  'CASE_CONTROL',
  'CASE_ONLY',
  'CASE_CROSSOVER',
  'ECOLOGIC_OR_COMMUNITY',
  'FAMILY_BASED',
  'DEFINED_POPULATION',
  'NATURAL_HISTORY',
  'OTHER',
] as const;
export const DESIGN_TIME_PERSPECTIVES = ['RETROSPECTIVE', 'PROSPECTIVE', 'CROSS_SECTIONAL', 'OTHER'] as const;
export const DESIGN_MASKINGS = ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'] as const;
export const WHO_MASKED = ['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR'] as const;
export const BIO_SPEC_RETENTIONS = ['NONE_RETAINED', 'SAMPLES_WITH_DNA', 'SAMPLES_WITHOUT_DNA'] as const;
export const CONTACT_ROLES = [
  'STUDY_CHAIR',
  'STUDY_DIRECTOR',
  'PRINCIPAL_INVESTIGATOR',
  'SUB_INVESTIGATOR',
  'CONTACT',
] as const;
export const OFFICIAL_ROLES = [
  'STUDY_CHAIR',
  'STUDY_DIRECTOR',
  'PRINCIPAL_INVESTIGATOR',
  'SUB_INVESTIGATOR',
] as const;

/** Every documented enum the normalizer checks, by its OpenAPI schema name. */
export const REGISTRY_ENUMS = {
  Status: STUDY_STATUSES,
  StudyType: STUDY_TYPES,
  Phase: PHASES,
  DateType: DATE_TYPES,
  EnrollmentType: ENROLLMENT_TYPES,
  AgencyClass: AGENCY_CLASSES,
  InterventionType: INTERVENTION_TYPES,
  ArmGroupType: ARM_GROUP_TYPES,
  RecruitmentStatus: RECRUITMENT_STATUSES,
  OrgStudyIdType: ORG_STUDY_ID_TYPES,
  SecondaryIdType: SECONDARY_ID_TYPES,
  ExpandedAccessStatus: EXPANDED_ACCESS_STATUSES,
  ResponsiblePartyType: RESPONSIBLE_PARTY_TYPES,
  DesignAllocation: DESIGN_ALLOCATIONS,
  InterventionalAssignment: INTERVENTIONAL_ASSIGNMENTS,
  PrimaryPurpose: PRIMARY_PURPOSES,
  ObservationalModel: OBSERVATIONAL_MODELS,
  DesignTimePerspective: DESIGN_TIME_PERSPECTIVES,
  DesignMasking: DESIGN_MASKINGS,
  WhoMasked: WHO_MASKED,
  BioSpecRetention: BIO_SPEC_RETENTIONS,
  ContactRole: CONTACT_ROLES,
  OfficialRole: OFFICIAL_ROLES,
} as const satisfies Record<string, readonly string[]>;
export type RegistryEnumName = keyof typeof REGISTRY_ENUMS;
