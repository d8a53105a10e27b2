import { mapPublishedStatus } from '@trialwatch/domain';
import type { BaselineColumn } from './baseline-columns.js';
import { BaselineParseError, BaselineRow } from './baseline-row.schema.js';

/** The cells of one table row by column, as text; absent columns are simply missing. */
export type RowCells = Partial<Record<BaselineColumn, string>>;

/** What journals print in a cell that holds nothing. */
const EMPTY_PLACEHOLDERS: ReadonlySet<string> = new Set([
  '-',
  '–',
  '—',
  '−',
  'NA',
  'N/A',
  'n/a',
  'n.a.',
  'NR',
]);

/** Whitespace runs (non-breaking spaces and line breaks included) become one space; invisible marks go. */
export function cleanCellText(text: string): string {
  return text
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function cellValue(text: string | undefined): string | null {
  if (text === undefined) return null;
  const cleaned = cleanCellText(text);
  return cleaned === '' || EMPTY_PLACEHOLDERS.has(cleaned) ? null : cleaned;
}

const NCT_IN_TEXT = /\bNCT\s?(\d{8})\b/gi;
const BARE_NCT_NUMBER = /^\(?(\d{8})\)?$/;

/** The NCT id in a text ("NCT05387603", "nct 05387603", a bare "05387603" as the review prints it). */
export function findNctIds(text: string): string[] {
  const ids = [...text.matchAll(NCT_IN_TEXT)].map((match) => `NCT${match[1] ?? ''}`);
  if (ids.length > 0) return [...new Set(ids)];
  const bare = BARE_NCT_NUMBER.exec(text.trim());
  return bare?.[1] === undefined ? [] : [`NCT${bare[1]}`];
}

function parseEnrollment(text: string | null, where: string): number | null {
  if (text === null) return null;
  const digits = text.replace(/^(~|≈|approx\.?|n\s*=)\s*/i, '').replace(/[,\s\u2009]/g, '');
  if (!/^\d+$/.test(digits)) {
    throw new BaselineParseError(`${where}: est. enrollment ${JSON.stringify(text)} is not a whole number`);
  }
  return Number(digits);
}

/**
 * Reads one row's cells into a BaselineRow. `where` names the row in errors ("line 4", "table row 7").
 * A row without exactly one NCT id, with an unreadable enrollment or without a status is an error.
 */
export function toBaselineRow(cells: RowCells, where: string): BaselineRow {
  const nctText = cellValue(cells.nctId) ?? '';
  const ids = findNctIds(nctText);
  if (ids.length !== 1) {
    const what = ids.length === 0 ? 'no NCT id' : `${ids.length} NCT ids`;
    throw new BaselineParseError(`${where}: ${what} in the NCT cell (${JSON.stringify(nctText)})`);
  }
  const [nctId] = ids as [string];
  const statusAsPublished = cellValue(cells.statusAsPublished);
  if (statusAsPublished === null) {
    throw new BaselineParseError(`${where}: ${nctId} has no status`);
  }
  const mapped = mapPublishedStatus(statusAsPublished);
  return BaselineRow.parse({
    nctId,
    trialId: cellValue(cells.trialId) ?? trialIdBesideNct(nctText),
    origin: cellValue(cells.origin),
    estEnrollment: parseEnrollment(cellValue(cells.estEnrollment), where),
    combinedWith: cellValue(cells.combinedWith),
    prrt: cellValue(cells.prrt),
    dosage: cellValue(cells.dosage),
    phase: cellValue(cells.phase),
    statusAsPublished,
    status: 'status' in mapped ? mapped.status : null,
    unmapped: 'unmapped' in mapped,
  });
}

/** "START-NET (NCT05387603)" in a Trial column: the acronym printed beside the id. */
function trialIdBesideNct(nctText: string): string | null {
  const rest = nctText
    .replace(NCT_IN_TEXT, ' ')
    .replace(BARE_NCT_NUMBER, ' ')
    .replace(/[()[\]:;,/|]+/g, ' ');
  return cellValue(rest);
}
