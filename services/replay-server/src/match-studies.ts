import { dateInRange, type Condition } from './query-expression.js';
import { latin1View, parseJsonBytes } from './json-bytes.js';
import { asStudy, recordText, type StudyEntry } from './study-entry.js';
import { timeSlicer } from './read-file.js';
import type { StudiesRequest } from './studies-request.js';

type TermsCondition = Extract<Condition, { kind: 'terms' }>;

/**
 * The entries a search selects, in index order. Filters on indexed values run first; query.term (and plain
 * terms in filter.advanced) then read the remaining files. A file that is not a study passes every filter
 * that cannot be evaluated on it (so that its failure surfaces downstream); filter.ids matches its file-name id.
 */
export async function matchStudies(
  entries: readonly StudyEntry[],
  request: Pick<StudiesRequest, 'conditions' | 'ids' | 'statuses'>,
  readBytes: (entry: StudyEntry) => Buffer | null,
): Promise<StudyEntry[]> {
  const { ids, statuses, conditions } = request;
  const indexed = conditions.filter(
    (condition) => condition.kind === 'date-range' || condition.scope !== 'term',
  );
  const fullText = conditions.filter(
    (condition): condition is TermsCondition => condition.kind === 'terms' && condition.scope === 'term',
  );
  const candidates = entries.filter((entry) => {
    if (ids !== null && !ids.has(entry.id) && !entry.aliases.some((alias) => ids.has(alias))) return false;
    if (!entry.isStudy) return true;
    if (statuses !== null && (entry.status === null || !statuses.has(entry.status))) return false;
    return indexed.every((condition) => satisfiesIndexed(entry, condition));
  });
  if (fullText.length === 0) return candidates;
  const kept: StudyEntry[] = [];
  const tick = timeSlicer();
  for (const entry of candidates) {
    await tick();
    if (!entry.isStudy) kept.push(entry);
    else {
      const bytes = readBytes(entry);
      if (bytes !== null && textMatches(bytes, fullText)) kept.push(entry);
    }
  }
  return kept;
}

function satisfiesIndexed(entry: StudyEntry, condition: Condition): boolean {
  if (condition.kind === 'date-range')
    return dateInRange(entry.lastUpdatePostDate, condition.from, condition.to);
  if (entry.match === null || condition.scope === 'term') return true;
  const haystack = entry.match[condition.scope];
  return condition.anyOf.some((term) => haystack.includes(term));
}

/**
 * query.term against a file: a cheap look for each term's longest ASCII word in the raw text first, then
 * the real test on the record's string values (so that JSON keys never match). A file that no longer holds
 * a study passes, like any file that is not a study.
 */
export function textMatches(bytes: Buffer, conditions: readonly TermsCondition[]): boolean {
  const view = latin1View(bytes);
  const lower = view.toLowerCase();
  const maybe = conditions.every((condition) =>
    condition.anyOf.some((term) => lower.includes(longestAsciiWord(term))),
  );
  if (!maybe) return false;
  const { value, ascii } = parseJsonBytes(bytes, view);
  const study = asStudy(value);
  if (study === null) return true;
  const text = recordText(study, ascii);
  return conditions.every((condition) => condition.anyOf.some((term) => text.includes(term)));
}

/** The longest run of ASCII letters and digits: found as is in the raw bytes whatever the encoding around it. */
function longestAsciiWord(term: string): string {
  return (term.match(/[a-z0-9]+/g) ?? []).reduce(
    (longest, word) => (word.length > longest.length ? word : longest),
    '',
  );
}
