import { BaselineParseError } from './baseline-row.schema.js';

/** The columns of a baseline table, in table2.tsv's order. */
export const BASELINE_COLUMNS = [
  'nctId',
  'trialId',
  'origin',
  'estEnrollment',
  'combinedWith',
  'prrt',
  'dosage',
  'phase',
  'statusAsPublished',
] as const;
export type BaselineColumn = (typeof BASELINE_COLUMNS)[number];

/** Column index by column; only the columns the table has. */
export type ColumnIndex = Partial<Record<BaselineColumn, number>>;

/** Lower-case words separated by one space: "Est. enrollment" → "est enrollment", "nct_id" → "nct id". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * How tables head each column: table2.tsv's snake_case names, the review's printed headers and the usual
 * journal variants. Matched against the whole header key, first match wins.
 */
const HEADER_PATTERNS: ReadonlyArray<readonly [BaselineColumn, RegExp]> = [
  [
    'nctId',
    /^(nct|nct ids?|nct numbers?|nct no|clinicaltrials gov( id| identifier| number)?|registry( id| number)?|trial registration( number)?|registration( number)?)$/,
  ],
  ['trialId', /^(trial ids?|trial names?|trial acronyms?|acronyms?|study names?|study ids?)$/],
  ['origin', /^(origin|countr(y|ies)|locations?|sites?|regions?)$/],
  [
    'estEnrollment',
    /^((est|estimated|planned|target|anticipated)? ?(enroll?ments?|sample size|patients|participants)( n)?|n)$/,
  ],
  ['combinedWith', /^(combined with|combination|combination partners?|partners?|combined treatment)$/],
  ['prrt', /^(prrt|prrt agents?|radiopharmaceuticals?|radioligands?|radionuclides?|radionuclide therapy)$/],
  ['dosage', /^(dosage|doses?|dosing|administered activity|activity|regimen|schedule)$/],
  ['phase', /^((study |trial )?phases?)$/],
  ['statusAsPublished', /^((status as published)|(recruitment |trial |study |current )?status)$/],
];

/** A bare "Trial" or "Study" column holds the NCT id when no column is headed NCT. */
const NCT_FALLBACK_HEADERS: ReadonlySet<string> = new Set(['trial', 'trials', 'study', 'studies']);

export function matchColumn(header: string): BaselineColumn | null {
  const key = headerKey(header);
  for (const [column, pattern] of HEADER_PATTERNS) if (pattern.test(key)) return column;
  return null;
}

/**
 * Finds each column's index among the headers. Returns the reason instead when the headers lack an NCT (or
 * Trial) column or a status column, or name one column twice; unknown headers are ignored.
 */
export function resolveColumns(headers: readonly string[]): { columns: ColumnIndex } | { problem: string } {
  const columns: ColumnIndex = {};
  let fallbackNct: number | undefined;
  for (const [index, header] of headers.entries()) {
    const column = matchColumn(header);
    if (column === null) {
      if (NCT_FALLBACK_HEADERS.has(headerKey(header))) fallbackNct ??= index;
      continue;
    }
    const earlier = columns[column];
    if (earlier !== undefined) {
      return { problem: `columns ${earlier + 1} and ${index + 1} are both read as ${column} ("${header}")` };
    }
    columns[column] = index;
  }
  columns.nctId ??= fallbackNct;
  if (columns.nctId === undefined) return { problem: 'no NCT (or Trial) column' };
  if (columns.statusAsPublished === undefined) return { problem: 'no status column' };
  return { columns };
}

/** Like resolveColumns, for input that must be a baseline table: a problem becomes an error. */
export function requireColumns(headers: readonly string[], where: string): ColumnIndex {
  const resolved = resolveColumns(headers);
  if ('problem' in resolved) {
    throw new BaselineParseError(`${where}: ${resolved.problem} in the header (${headers.join(' | ')})`);
  }
  return resolved.columns;
}
