import { normalizeText } from './query-expression.js';

/** What the index keeps of one file: small enough for 50k of them in memory. */
export interface StudyEntry {
  fileName: string;
  /** The study's nctId; for a file that is not a study, the NCT id of its file name (or the name itself). */
  id: string;
  /** False for a file that is not valid JSON or not a study: it is served as a string element. */
  isStudy: boolean;
  aliases: readonly string[];
  status: string | null;
  lastUpdatePostDate: string | null;
  /** Normalized texts per query scope (query.term reads the file itself); null when not a study. */
  match: { intr: string; cond: string; titles: string; spons: string } | null;
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A parsed record read as a study: an object whose protocolSection.identificationModule.nctId is a string. */
export function asStudy(value: unknown): Record<string, unknown> | null {
  const identification = path(value, 'protocolSection', 'identificationModule');
  return typeof path(identification, 'nctId') === 'string' ? (value as Record<string, unknown>) : null;
}

/** Index one file's text; never throws (a file that is not a study is kept, to be served as it is). */
export function indexStudyText(fileName: string, text: string, identity: FileIdentity): StudyEntry {
  const study = asStudy(tryParse(text));
  if (study === null) {
    const id = /^(NCT\d{8})\.json$/i.exec(fileName)?.[1]?.toUpperCase() ?? fileName.replace(/\.json$/i, '');
    return {
      fileName,
      id,
      isStudy: false,
      aliases: [],
      status: null,
      lastUpdatePostDate: null,
      match: null,
      ...identity,
    };
  }
  const protocol = path(study, 'protocolSection');
  const identification = path(protocol, 'identificationModule');
  const arms = path(protocol, 'armsInterventionsModule');
  const sponsors = path(protocol, 'sponsorCollaboratorsModule');
  const interventions = arrayAt(arms, 'interventions');
  const armGroups = arrayAt(arms, 'armGroups');
  return {
    fileName,
    id: String(path(identification, 'nctId')),
    isStudy: true,
    aliases: strings(path(identification, 'nctIdAliases')),
    status: stringAt(path(protocol, 'statusModule'), 'overallStatus'),
    lastUpdatePostDate: stringAt(path(protocol, 'statusModule', 'lastUpdatePostDateStruct'), 'date'),
    match: {
      intr: joinTexts([
        ...interventions.flatMap((item) => [
          ...strings(path(item, 'name')),
          ...strings(path(item, 'otherNames')),
          ...strings(path(item, 'description')),
        ]),
        ...armGroups.flatMap((group) => [
          ...strings(path(group, 'label')),
          ...strings(path(group, 'interventionNames')),
        ]),
      ]),
      cond: joinTexts([
        ...strings(path(protocol, 'conditionsModule', 'conditions')),
        ...strings(path(protocol, 'conditionsModule', 'keywords')),
      ]),
      titles: joinTexts(
        ['briefTitle', 'officialTitle', 'acronym'].flatMap((key) => strings(path(identification, key))),
      ),
      spons: joinTexts([
        ...strings(path(sponsors, 'leadSponsor', 'name')),
        ...arrayAt(sponsors, 'collaborators').flatMap((item) => strings(path(item, 'name'))),
      ]),
    },
    ...identity,
  };
}

/** Every string value of a parsed record, normalized, one per line: what query.term searches. */
export function recordText(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(normalizeText(node));
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}

export function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function path(value: unknown, ...keys: string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = path(value, key);
  return Array.isArray(found) ? found : [];
}

function stringAt(value: unknown, key: string): string | null {
  const found = path(value, key);
  return typeof found === 'string' ? found : null;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function joinTexts(texts: readonly string[]): string {
  return texts.map(normalizeText).join('\n');
}
