import { decodeView, parseJsonBytes } from './json-bytes.js';
import { normalizeText } from './query-expression.js';
import type { FileIdentity } from './read-file.js';

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

/** A parsed record read as a study: an object whose protocolSection.identificationModule.nctId is a string. */
export function asStudy(value: unknown): Record<string, unknown> | null {
  const identification = path(value, 'protocolSection', 'identificationModule');
  return typeof path(identification, 'nctId') === 'string' ? (value as Record<string, unknown>) : null;
}

/** Index one file's bytes; never throws (a file that is not a study is kept, to be served as it is). */
export function indexStudyFile(fileName: string, bytes: Buffer, identity: FileIdentity): StudyEntry {
  const { value, ascii } = parseJsonBytes(bytes);
  const study = asStudy(value);
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
  const strings = (node: unknown): string[] => {
    const found = typeof node === 'string' ? [node] : Array.isArray(node) ? node : [];
    return found
      .filter((item): item is string => typeof item === 'string')
      .map((item) => decodeView(item, ascii));
  };
  const text = (nodes: readonly unknown[]): string => nodes.flatMap(strings).map(normalizeText).join('\n');
  const protocol = path(study, 'protocolSection');
  const identification = path(protocol, 'identificationModule');
  const status = path(protocol, 'statusModule');
  const arms = path(protocol, 'armsInterventionsModule');
  const sponsors = path(protocol, 'sponsorCollaboratorsModule');
  return {
    fileName,
    id: strings(path(identification, 'nctId'))[0] ?? fileName,
    isStudy: true,
    aliases: strings(path(identification, 'nctIdAliases')),
    status: strings(path(status, 'overallStatus'))[0] ?? null,
    lastUpdatePostDate: strings(path(status, 'lastUpdatePostDateStruct', 'date'))[0] ?? null,
    match: {
      intr: text([
        ...arrayAt(arms, 'interventions').flatMap((item) => [
          path(item, 'name'),
          path(item, 'otherNames'),
          path(item, 'description'),
        ]),
        ...arrayAt(arms, 'armGroups').flatMap((group) => [
          path(group, 'label'),
          path(group, 'interventionNames'),
        ]),
      ]),
      cond: text([
        path(protocol, 'conditionsModule', 'conditions'),
        path(protocol, 'conditionsModule', 'keywords'),
      ]),
      titles: text(['briefTitle', 'officialTitle', 'acronym'].map((key) => path(identification, key))),
      spons: text([
        path(sponsors, 'leadSponsor', 'name'),
        ...arrayAt(sponsors, 'collaborators').map((item) => path(item, 'name')),
      ]),
    },
    ...identity,
  };
}

/** Every string value of a parsed record, normalized, one per line: what query.term searches. */
export function recordText(value: unknown, ascii: boolean): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') out.push(normalizeText(decodeView(node, ascii)));
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
