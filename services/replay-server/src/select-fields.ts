import { InvalidParameterError } from './invalid-parameter.error.js';

/** A selection of parts of a record: `true` keeps the whole subtree. */
export type Selection = true | { readonly [key: string]: Selection };

/** Piece names (as /studies/metadata names them) the replay server knows, with their field paths. */
const PIECES: Readonly<Record<string, string>> = {
  ProtocolSection: 'protocolSection',
  IdentificationModule: 'protocolSection.identificationModule',
  NCTId: 'protocolSection.identificationModule.nctId',
  NCTIdAlias: 'protocolSection.identificationModule.nctIdAliases',
  BriefTitle: 'protocolSection.identificationModule.briefTitle',
  OfficialTitle: 'protocolSection.identificationModule.officialTitle',
  Acronym: 'protocolSection.identificationModule.acronym',
  StatusModule: 'protocolSection.statusModule',
  OverallStatus: 'protocolSection.statusModule.overallStatus',
  LastKnownStatus: 'protocolSection.statusModule.lastKnownStatus',
  WhyStopped: 'protocolSection.statusModule.whyStopped',
  StartDate: 'protocolSection.statusModule.startDateStruct.date',
  PrimaryCompletionDate: 'protocolSection.statusModule.primaryCompletionDateStruct.date',
  CompletionDate: 'protocolSection.statusModule.completionDateStruct.date',
  LastUpdatePostDateStruct: 'protocolSection.statusModule.lastUpdatePostDateStruct',
  LastUpdatePostDate: 'protocolSection.statusModule.lastUpdatePostDateStruct.date',
  SponsorCollaboratorsModule: 'protocolSection.sponsorCollaboratorsModule',
  LeadSponsorName: 'protocolSection.sponsorCollaboratorsModule.leadSponsor.name',
  ConditionsModule: 'protocolSection.conditionsModule',
  Condition: 'protocolSection.conditionsModule.conditions',
  Keyword: 'protocolSection.conditionsModule.keywords',
  DesignModule: 'protocolSection.designModule',
  Phase: 'protocolSection.designModule.phases',
  ArmsInterventionsModule: 'protocolSection.armsInterventionsModule',
  ArmGroupLabel: 'protocolSection.armsInterventionsModule.armGroups.label',
  InterventionName: 'protocolSection.armsInterventionsModule.interventions.name',
  InterventionOtherName: 'protocolSection.armsInterventionsModule.interventions.otherNames',
  ResultsSection: 'resultsSection',
  DerivedSection: 'derivedSection',
  HasResults: 'hasResults',
};

const FIELD_PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/** `fields` items (piece names or dotted field paths) as one selection; unknown names are a 400. */
export function parseFields(items: readonly string[]): Selection {
  type Tree = true | { [key: string]: Tree };
  const root: { [key: string]: Tree } = {};
  for (const item of items) {
    const fieldPath = PIECES[item] ?? (FIELD_PATH.test(item) ? item : undefined);
    if (fieldPath === undefined) throw new InvalidParameterError(`Unknown field in fields: ${item}`);
    const keys = fieldPath.split('.');
    let node = root;
    for (const [index, key] of keys.entries()) {
      const existing = node[key];
      if (existing === true) break; // an ancestor is already selected whole
      if (index === keys.length - 1) {
        node[key] = true;
        break;
      }
      const child = existing ?? {};
      node[key] = child;
      node = child;
    }
  }
  return root;
}

/** The parts of `value` the selection names, in the record's own key order; undefined when nothing is left. */
export function selectFields(value: unknown, selection: Selection): unknown {
  if (selection === true) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => selectFields(item, selection)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSelection = selection[key];
    if (childSelection === undefined) continue;
    const selected = selectFields(child, childSelection);
    if (selected !== undefined) out[key] = selected;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
