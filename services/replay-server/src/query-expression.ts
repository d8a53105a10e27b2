import { InvalidParameterError } from './invalid-parameter.error.js';

/** Where a query parameter's terms are looked for. */
export type MatchScope = 'term' | 'intr' | 'cond' | 'titles' | 'spons';

/** One conjunct of an expression: a study must satisfy every condition of every parameter. */
export type Condition =
  | { kind: 'terms'; scope: MatchScope; anyOf: readonly string[] }
  | { kind: 'date-range'; area: 'LastUpdatePostDate'; from: string | null; to: string | null };

const RANGE = /^AREA\[\s*([A-Za-z]+)\s*\]\s*RANGE\[\s*([^,\]]*?)\s*,\s*([^\]]*?)\s*\]$/;
const DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/**
 * The subset of Essie the replay server understands: terms joined by OR, conjuncts joined by AND, and
 * AREA[LastUpdatePostDate]RANGE[from,to] (MIN/MAX allowed). Quotes and parentheses are dropped, so
 * grouping is not honoured: `(a OR b) AND c` reads as it should, `a OR (b AND c)` does not.
 */
export function parseExpression(expression: string, scope: MatchScope): Condition[] {
  const cleaned = expression.replace(/[()"]/g, ' ').trim();
  if (cleaned === '') return [];
  if (/(^|\s)NOT\s/.test(cleaned))
    throw new InvalidParameterError('NOT is not supported by the replay server');
  return cleaned.split(/\s+AND\s+/).map((conjunct) => parseConjunct(conjunct.trim(), scope));
}

function parseConjunct(conjunct: string, scope: MatchScope): Condition {
  const range = RANGE.exec(conjunct);
  if (range) {
    const [, area = '', from = '', to = ''] = range;
    if (area.toLowerCase() !== 'lastupdatepostdate') {
      throw new InvalidParameterError(`AREA[${area}] is not supported by the replay server`);
    }
    return {
      kind: 'date-range',
      area: 'LastUpdatePostDate',
      from: rangeBound(from, 'from'),
      to: rangeBound(to, 'to'),
    };
  }
  const anyOf = conjunct
    .split(/\s+OR\s+/)
    .map(normalizeText)
    .filter((term) => term !== '');
  if (anyOf.some((term) => term.includes('area['))) {
    throw new InvalidParameterError(`unsupported AREA expression: ${conjunct}`);
  }
  if (anyOf.length === 0) throw new InvalidParameterError(`empty search term in: ${conjunct}`);
  return { kind: 'terms', scope, anyOf };
}

/** A RANGE bound as a comparable yyyy-MM-dd string; null for MIN/MAX. Partial dates widen to the period. */
export function rangeBound(value: string, side: 'from' | 'to'): string | null {
  const upper = value.trim().toUpperCase();
  if (upper === 'MIN' || upper === 'MAX') return null;
  const match = DATE.exec(upper);
  if (!match) throw new InvalidParameterError(`invalid date in RANGE: ${value}`);
  const [, year = '', month, day] = match;
  if (day !== undefined) return `${year}-${month ?? ''}-${day}`;
  if (month !== undefined) return `${year}-${month}-${side === 'from' ? '01' : '31'}`;
  return `${year}-${side === 'from' ? '01-01' : '12-31'}`;
}

/** Lower case, runs of white space as one space: the form both terms and study texts are compared in. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when a study's last update date (yyyy-MM-dd) lies within the inclusive range. */
export function dateInRange(date: string | null, from: string | null, to: string | null): boolean {
  if (date === null) return false;
  return (from === null || date >= from) && (to === null || date <= to);
}
