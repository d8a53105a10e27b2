import { contentHash } from './content-hash.js';
import { isFullDate, toPartialDate } from './partial-date.js';
import { classifyPrrt } from './prrt/classify-prrt.js';
import { collectModuleDrift, DriftCollector, type SchemaDrift } from './schema-drift.js';
import { isParsedStudy } from './study-validator.js';
import {
  Study,
  type ArmGroup,
  type DateStruct,
  type Location,
  type PartialDateStruct,
  type Sponsor,
  type StudyIntervention,
} from './study.schema.js';
import type { Arm, Intervention, Organization, PartialDate, Site, Trial } from './trial.schema.js';

export type NormalizeResult =
  { ok: true; trial: Trial; drift: SchemaDrift[] } | { ok: false; reason: string; issues: string[] };

const NCT_ID = /^NCT\d{8}$/;
const NCT_ID_PATH = 'protocolSection.identificationModule.nctId';
const STATUS_PATH = 'protocolSection.statusModule';

export interface NormalizeOptions {
  /** The record's contentHash when the caller computed it already (the fetcher does): not computed twice. */
  contentHash?: string;
}

/**
 * Turns one registry record (as `/studies/{nctId}` serves it) into a Trial. Pure: no I/O, no clock.
 *
 * Fails (`ok: false`) only when the input cannot be a study: not an object, no NCT id, or a wrong JSON type
 * in a field the Trial is built from. Everything else is kept, and what departs from the registry's
 * documentation (unknown enum values, unknown fields in the modules read, invalid dates) is returned as
 * drift, sorted by path.
 */
export function normalizeStudy(raw: unknown, options: NormalizeOptions = {}): NormalizeResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('The input is not a JSON object, so it cannot be a study.', [`(root): ${describe(raw)}`]);
  }
  const nctId = readNctId(raw);
  if (typeof nctId !== 'string' || !NCT_ID.test(nctId)) {
    const issue =
      nctId === undefined ? 'missing' : `${JSON.stringify(nctId)} is not an NCT id (NCT and 8 digits)`;
    return fail(`The record has no valid NCT id at ${NCT_ID_PATH}, so it cannot be a study.`, [
      `${NCT_ID_PATH}: ${issue}`,
    ]);
  }
  // Most records are exactly what the schema says: used as they are, without zod's copy.
  let study: Study;
  if (isParsedStudy(raw)) {
    study = raw;
  } else {
    const parsed = Study.safeParse(raw);
    if (!parsed.success) {
      return fail(
        `The record ${nctId} has a field of the wrong JSON type where the Trial needs it.`,
        parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
      );
    }
    study = parsed.data;
  }
  const drift = new DriftCollector();
  collectModuleDrift((raw as { protocolSection: Record<string, unknown> }).protocolSection, drift);
  const trial = buildTrial(study, raw, nctId, drift, options.contentHash);
  return { ok: true, trial, drift: drift.sorted() };
}

function buildTrial(
  study: Study,
  raw: object,
  nctId: string,
  drift: DriftCollector,
  knownHash?: string,
): Trial {
  const protocol = study.protocolSection;
  const identification = protocol.identificationModule;
  const status = protocol.statusModule;
  const design = protocol.designModule;
  const locations = protocol.contactsLocationsModule?.locations ?? [];
  const interventions = (protocol.armsInterventionsModule?.interventions ?? []).flatMap(toIntervention);
  const arms = (protocol.armsInterventionsModule?.armGroups ?? []).flatMap(toArm);
  const enrollment = design?.enrollmentInfo;
  const briefTitle = identification.briefTitle ?? null;
  const officialTitle = identification.officialTitle ?? null;
  const sponsors = protocol.sponsorCollaboratorsModule;
  return {
    nctId,
    nctIdAliases: identification.nctIdAliases ?? [],
    briefTitle,
    officialTitle,
    acronym: identification.acronym ?? null,
    overallStatus: status?.overallStatus ?? 'UNKNOWN',
    lastKnownStatus: status?.lastKnownStatus ?? null,
    whyStopped: status?.whyStopped ?? null,
    statusVerifiedDate: rawPartialDate(
      status?.statusVerifiedDate,
      `${STATUS_PATH}.statusVerifiedDate`,
      drift,
    ),
    studyType: design?.studyType ?? null,
    phases: design?.phases ?? [],
    enrollment:
      enrollment && (enrollment.count != null || enrollment.type != null)
        ? { count: enrollment.count ?? null, type: enrollment.type ?? null }
        : null,
    startDate: partialDate(status?.startDateStruct, `${STATUS_PATH}.startDateStruct`, drift),
    primaryCompletionDate: partialDate(
      status?.primaryCompletionDateStruct,
      `${STATUS_PATH}.primaryCompletionDateStruct`,
      drift,
    ),
    completionDate: partialDate(status?.completionDateStruct, `${STATUS_PATH}.completionDateStruct`, drift),
    studyFirstPostDate: fullDate(
      status?.studyFirstPostDateStruct,
      `${STATUS_PATH}.studyFirstPostDateStruct`,
      drift,
    ),
    resultsFirstPostDate: fullDate(
      status?.resultsFirstPostDateStruct,
      `${STATUS_PATH}.resultsFirstPostDateStruct`,
      drift,
    ),
    lastUpdatePostDate: fullDate(
      status?.lastUpdatePostDateStruct,
      `${STATUS_PATH}.lastUpdatePostDateStruct`,
      drift,
    ),
    hasResults:
      study.hasResults === true || (study.resultsSection !== undefined && study.resultsSection !== null),
    leadSponsor: sponsors?.leadSponsor ? toOrganization(sponsors.leadSponsor) : null,
    collaborators: (sponsors?.collaborators ?? []).flatMap((sponsor) => toOrganization(sponsor) ?? []),
    conditions: protocol.conditionsModule?.conditions ?? [],
    keywords: protocol.conditionsModule?.keywords ?? [],
    countries: countriesOf(locations),
    locationCount: locations.length,
    sites: locations.map(toSite),
    interventions,
    arms,
    prrt: classifyPrrt({ interventions, arms, briefTitle, officialTitle }),
    contentHash: knownHash ?? contentHash(raw),
  };
}

function partialDate(
  struct: PartialDateStruct | null | undefined,
  path: string,
  drift: DriftCollector,
): PartialDate | null {
  const raw = struct?.date;
  if (raw == null) return null;
  const type = struct?.type === 'ACTUAL' || struct?.type === 'ESTIMATED' ? struct.type : null;
  const date = toPartialDate(raw, type);
  if (date === null) drift.add('invalid_value', `${path}.date`, raw);
  return date;
}

/** A partial date kept as a string (statusVerifiedDate): reported when it is not one, kept anyway. */
function rawPartialDate(raw: string | null | undefined, path: string, drift: DriftCollector): string | null {
  if (raw == null) return null;
  if (toPartialDate(raw, null) === null) drift.add('invalid_value', path, raw);
  return raw;
}

function fullDate(struct: DateStruct | null | undefined, path: string, drift: DriftCollector): string | null {
  const raw = struct?.date;
  if (raw == null) return null;
  if (isFullDate(raw)) return raw;
  drift.add('invalid_value', `${path}.date`, raw);
  return null;
}

function toOrganization(sponsor: Sponsor): Organization | null {
  return sponsor.name == null ? null : { name: sponsor.name, class: sponsor.class ?? null };
}

function toIntervention(intervention: StudyIntervention): Intervention[] {
  if (intervention.name == null) return [];
  return [
    {
      type: intervention.type ?? null,
      name: intervention.name,
      otherNames: intervention.otherNames ?? [],
      armGroupLabels: intervention.armGroupLabels ?? [],
    },
  ];
}

function toArm(arm: ArmGroup): Arm[] {
  if (arm.label == null) return [];
  return [{ label: arm.label, type: arm.type ?? null, interventionNames: arm.interventionNames ?? [] }];
}

function toSite(location: Location): Site {
  return {
    facility: location.facility ?? null,
    city: location.city ?? null,
    state: location.state ?? null,
    country: location.country ?? null,
    status: location.status ?? null,
  };
}

/** Sorted (by UTF-16 code units, as `Array.prototype.sort`), without duplicates or blanks. */
function countriesOf(locations: readonly Location[]): string[] {
  const countries = new Set<string>();
  for (const location of locations) if (location.country) countries.add(location.country);
  return [...countries].sort();
}

function readNctId(raw: object): unknown {
  const protocol = (raw as { protocolSection?: unknown }).protocolSection;
  if (typeof protocol !== 'object' || protocol === null) return undefined;
  const identification = (protocol as { identificationModule?: unknown }).identificationModule;
  if (typeof identification !== 'object' || identification === null) return undefined;
  return (identification as { nctId?: unknown }).nctId ?? undefined;
}

function fail(reason: string, issues: string[]): NormalizeResult {
  return { ok: false, reason, issues };
}

function describe(value: unknown): string {
  if (value === null) return 'expected an object, received null';
  if (Array.isArray(value)) return 'expected an object, received an array';
  return `expected an object, received ${typeof value}`;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? '(root)' : out;
}
