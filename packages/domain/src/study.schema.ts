import { z } from 'zod';
import { REGISTRY_ENUMS, type RegistryEnumName } from './registry-enums.js';

/**
 * The registry record (API v2 `Study`), following ctg-oas-v2.0.3.yaml and /studies/metadata.
 *
 * Lenient where the registry is: every object is loose (unknown fields are kept), enum-like fields accept any
 * string, and absent or `null` fields are the same thing. Only the fields the pipeline reads are typed; a wrong
 * JSON type there fails the parse. Documented fields the pipeline does not read are declared too, so that the
 * drift check (schema-drift.ts) can tell a documented field from a new one, but they never fail the parse.
 */

/** The documented values of an enum-like field, attached to its schema for the drift check. */
export const documentedEnum = z.registry<{ name: RegistryEnumName; values: readonly string[] }>();

/** An enum-like field the pipeline reads: any string. */
const enumText = (name: RegistryEnumName) =>
  z.string().register(documentedEnum, { name, values: REGISTRY_ENUMS[name] }).nullish();
/** An enum-like field only watched for drift: any value. */
const watchedEnum = (name: RegistryEnumName) =>
  z.unknown().register(documentedEnum, { name, values: REGISTRY_ENUMS[name] }).optional();
const text = z.string().nullish();
const texts = z.array(z.string()).nullish();
/** A documented field the pipeline does not read (zod 4 treats a bare `unknown()` key as required). */
const ignored = z.unknown().optional();
/** A documented object the pipeline does not read: declared for the drift check, never fails the parse. */
const watched = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.looseObject(shape).optional().catch(undefined);
const watchedList = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.array(z.looseObject(shape)).optional().catch(undefined);

const Contact = {
  name: ignored,
  role: watchedEnum('ContactRole'),
  phone: ignored,
  phoneExt: ignored,
  email: ignored,
};

/** `PartialDateStruct`: a `yyyy`, `yyyy-MM` or `yyyy-MM-dd` date; `type` is missing on old records. */
export const PartialDateStruct = z.looseObject({ date: text, type: enumText('DateType') });
export type PartialDateStruct = z.infer<typeof PartialDateStruct>;

/** `DateStruct`: a full `yyyy-MM-dd` date. */
export const DateStruct = z.looseObject({ date: text, type: enumText('DateType') });
export type DateStruct = z.infer<typeof DateStruct>;

export const Sponsor = z.looseObject({ name: text, class: enumText('AgencyClass') });
export type Sponsor = z.infer<typeof Sponsor>;

export const IdentificationModule = z.looseObject({
  nctId: text,
  nctIdAliases: texts,
  orgStudyIdInfo: watched({ id: ignored, type: watchedEnum('OrgStudyIdType'), link: ignored }),
  secondaryIdInfos: watchedList({
    id: ignored,
    type: watchedEnum('SecondaryIdType'),
    domain: ignored,
    link: ignored,
  }),
  briefTitle: text,
  officialTitle: text,
  acronym: text,
  organization: watched({ fullName: ignored, class: watchedEnum('AgencyClass') }),
});
export type IdentificationModule = z.infer<typeof IdentificationModule>;

export const StatusModule = z.looseObject({
  statusVerifiedDate: text,
  overallStatus: enumText('Status'),
  lastKnownStatus: enumText('Status'),
  delayedPosting: ignored,
  whyStopped: text,
  expandedAccessInfo: watched({
    hasExpandedAccess: ignored,
    nctId: ignored,
    statusForNctId: watchedEnum('ExpandedAccessStatus'),
  }),
  startDateStruct: PartialDateStruct.nullish(),
  primaryCompletionDateStruct: PartialDateStruct.nullish(),
  completionDateStruct: PartialDateStruct.nullish(),
  studyFirstSubmitDate: ignored,
  studyFirstSubmitQcDate: ignored,
  studyFirstPostDateStruct: DateStruct.nullish(),
  resultsWaived: ignored,
  resultsFirstSubmitDate: ignored,
  resultsFirstSubmitQcDate: ignored,
  resultsFirstPostDateStruct: DateStruct.nullish(),
  dispFirstSubmitDate: ignored,
  dispFirstSubmitQcDate: ignored,
  dispFirstPostDateStruct: watched({ date: ignored, type: watchedEnum('DateType') }),
  lastUpdateSubmitDate: ignored,
  lastUpdatePostDateStruct: DateStruct.nullish(),
});
export type StatusModule = z.infer<typeof StatusModule>;

export const SponsorCollaboratorsModule = z.looseObject({
  responsibleParty: watched({
    type: watchedEnum('ResponsiblePartyType'),
    investigatorFullName: ignored,
    investigatorTitle: ignored,
    investigatorAffiliation: ignored,
    oldNameTitle: ignored,
    oldOrganization: ignored,
  }),
  leadSponsor: Sponsor.nullish(),
  collaborators: z.array(Sponsor).nullish(),
});
export type SponsorCollaboratorsModule = z.infer<typeof SponsorCollaboratorsModule>;

export const ConditionsModule = z.looseObject({ conditions: texts, keywords: texts });
export type ConditionsModule = z.infer<typeof ConditionsModule>;

export const DesignModule = z.looseObject({
  studyType: enumText('StudyType'),
  nPtrsToThisExpAccNctId: ignored,
  expandedAccessTypes: watched({ individual: ignored, intermediate: ignored, treatment: ignored }),
  patientRegistry: ignored,
  targetDuration: ignored,
  phases: z
    .array(z.string().register(documentedEnum, { name: 'Phase', values: REGISTRY_ENUMS.Phase }))
    .nullish(),
  designInfo: watched({
    allocation: watchedEnum('DesignAllocation'),
    interventionModel: watchedEnum('InterventionalAssignment'),
    interventionModelDescription: ignored,
    primaryPurpose: watchedEnum('PrimaryPurpose'),
    observationalModel: watchedEnum('ObservationalModel'),
    timePerspective: watchedEnum('DesignTimePerspective'),
    maskingInfo: watched({
      masking: watchedEnum('DesignMasking'),
      maskingDescription: ignored,
      whoMasked: z
        .array(z.unknown().register(documentedEnum, { name: 'WhoMasked', values: REGISTRY_ENUMS.WhoMasked }))
        .optional()
        .catch(undefined),
    }),
  }),
  bioSpec: watched({ retention: watchedEnum('BioSpecRetention'), description: ignored }),
  enrollmentInfo: z.looseObject({ count: z.number().nullish(), type: enumText('EnrollmentType') }).nullish(),
});
export type DesignModule = z.infer<typeof DesignModule>;

export const ArmGroup = z.looseObject({
  label: text,
  type: enumText('ArmGroupType'),
  description: ignored,
  interventionNames: texts,
});
export type ArmGroup = z.infer<typeof ArmGroup>;

export const StudyIntervention = z.looseObject({
  type: enumText('InterventionType'),
  name: text,
  description: ignored,
  armGroupLabels: texts,
  otherNames: texts,
});
export type StudyIntervention = z.infer<typeof StudyIntervention>;

export const ArmsInterventionsModule = z.looseObject({
  armGroups: z.array(ArmGroup).nullish(),
  interventions: z.array(StudyIntervention).nullish(),
});
export type ArmsInterventionsModule = z.infer<typeof ArmsInterventionsModule>;

export const Location = z.looseObject({
  facility: text,
  status: enumText('RecruitmentStatus'),
  city: text,
  state: text,
  zip: ignored,
  country: text,
  countryCode: ignored,
  contacts: watchedList(Contact),
  geoPoint: watched({ lat: ignored, lon: ignored }),
});
export type Location = z.infer<typeof Location>;

export const ContactsLocationsModule = z.looseObject({
  centralContacts: watchedList(Contact),
  overallOfficials: watchedList({ name: ignored, affiliation: ignored, role: watchedEnum('OfficialRole') }),
  locations: z.array(Location).nullish(),
});
export type ContactsLocationsModule = z.infer<typeof ContactsLocationsModule>;

/** The modules the normalizer reads, and so watches for drift. */
export const MODELED_MODULES = {
  identificationModule: IdentificationModule,
  statusModule: StatusModule,
  sponsorCollaboratorsModule: SponsorCollaboratorsModule,
  conditionsModule: ConditionsModule,
  designModule: DesignModule,
  armsInterventionsModule: ArmsInterventionsModule,
  contactsLocationsModule: ContactsLocationsModule,
} as const;
export type ModeledModuleName = keyof typeof MODELED_MODULES;

export const ProtocolSection = z.looseObject({
  identificationModule: IdentificationModule,
  statusModule: StatusModule.nullish(),
  sponsorCollaboratorsModule: SponsorCollaboratorsModule.nullish(),
  oversightModule: ignored,
  descriptionModule: ignored,
  conditionsModule: ConditionsModule.nullish(),
  designModule: DesignModule.nullish(),
  armsInterventionsModule: ArmsInterventionsModule.nullish(),
  outcomesModule: ignored,
  eligibilityModule: ignored,
  contactsLocationsModule: ContactsLocationsModule.nullish(),
  referencesModule: ignored,
  ipdSharingStatementModule: ignored,
});
export type ProtocolSection = z.infer<typeof ProtocolSection>;

/** One study as `/studies/{nctId}` serves it (and as each item of a `/studies` page). */
export const Study = z.looseObject({
  protocolSection: ProtocolSection,
  resultsSection: ignored,
  annotationSection: ignored,
  documentSection: ignored,
  /** Changes at every daily refresh: left out of the content hash and of change detection. */
  derivedSection: ignored,
  hasResults: z.boolean().nullish(),
});
export type Study = z.infer<typeof Study>;
