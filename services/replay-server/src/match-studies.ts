import { dateInRange, type Condition } from './query-expression.js';
import { asStudy, recordText, tryParse, type StudyEntry } from './study-entry.js';
import { mapLimit } from './study-index.js';
import type { StudiesRequest } from './studies-request.js';

type TermsCondition = Extract<Condition, { kind: 'terms' }>;

const READ_CONCURRENCY = 16;

/**
 * The entries a search selects, in index order. Filters on indexed values run first; query.term (and plain
 * terms in filter.advanced) then read the remaining files. A file that is not a study passes every filter
 * that cannot be evaluated on it (so that its failure surfaces downstream); filter.ids matches its file-name id.
 */
export async function matchStudies(
  entries: readonly StudyEntry[],
  request: Pick<StudiesRequest, 'conditions' | 'ids' | 'statuses'>,
  readText: (entry: StudyEntry) => Promise<string | null>,
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
  const kept = await mapLimit(candidates, READ_CONCURRENCY, async (entry) => {
    if (!entry.isStudy) return true;
    const text = await readText(entry);
    return text !== null && textMatches(text, fullText);
  });
  return candidates.filter((_, index) => kept[index]);
}

function satisfiesIndexed(entry: StudyEntry, condition: Condition): boolean {
  if (condition.kind === 'date-range')
    return dateInRange(entry.lastUpdatePostDate, condition.from, condition.to);
  if (entry.match === null || condition.scope === 'term') return true;
  const haystack = entry.match[condition.scope];
  return condition.anyOf.some((term) => haystack.includes(term));
}

/**
 * query.term against a file's text: a cheap look for each term's longest word in the raw text first, then
 * the real test on the record's string values (so that JSON keys never match). A file that no longer holds
 * a study passes, like any file that is not a study.
 */
export function textMatches(raw: string, conditions: readonly TermsCondition[]): boolean {
  const lower = raw.toLowerCase();
  const maybe = conditions.every((condition) =>
    condition.anyOf.some((term) => lower.includes(longestWord(term))),
  );
  if (!maybe) return false;
  const study = asStudy(tryParse(raw));
  if (study === null) return true;
  const text = recordText(study);
  return conditions.every((condition) => condition.anyOf.some((term) => text.includes(term)));
}

function longestWord(term: string): string {
  return term.split(' ').reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}
