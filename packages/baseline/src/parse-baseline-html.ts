import { load } from 'cheerio';
import { BASELINE_COLUMNS, resolveColumns, type ColumnIndex } from './baseline-columns.js';
import { BaselineParseError, type BaselineRow } from './baseline-row.schema.js';
import { collectRows } from './collect-rows.js';
import { readTableGrid, type GridRow } from './html-table-grid.js';
import { findNctIds, toBaselineRow, type RowCells } from './to-baseline-row.js';

/** The header rows: the table's thead, else its leading all-`<th>` rows, else its first row. */
function headerRowsOf(grid: readonly GridRow[]): GridRow[] {
  const thead = grid.filter((row) => row.section === 'thead');
  if (thead.length > 0) return thead;
  const leading: GridRow[] = [];
  for (const row of grid) {
    if (!row.allHeaderCells) break;
    leading.push(row);
  }
  return leading.length > 0 ? leading : grid.slice(0, 1);
}

/** Per column, the header texts stacked above it ("Est." over "enrollment" reads "Est. enrollment"). */
function headerTexts(headerRows: readonly GridRow[]): string[] {
  const width = Math.max(0, ...headerRows.map((row) => row.cells.length));
  return Array.from({ length: width }, (_, column) => {
    const texts = headerRows.map((row) => row.cells[column]?.text ?? '').filter((text) => text !== '');
    return [...new Set(texts)].join(' ');
  });
}

function rowTexts(row: GridRow): string[] {
  return row.cells.map((cell) => cell.text);
}

function describe(row: GridRow): string {
  const texts = [...new Set(rowTexts(row).filter((text) => text !== ''))].join(' | ');
  return `table row ${row.position} (${texts.length > 70 ? `${texts.slice(0, 69)}…` : texts})`;
}

function nctCellText(row: GridRow, column: number): string {
  const cell = row.cells[column];
  if (cell === undefined) return '';
  if (findNctIds(cell.text).length > 0) return cell.text;
  // The id may sit only in a link to the registry ("View trial" → …/study/NCT05387603).
  const linked = [...new Set(cell.hrefs.flatMap((href) => href.match(/NCT\d{8}/gi) ?? []))];
  return linked.length > 0 ? linked.join(' ') : cell.text;
}

/**
 * The body rows as BaselineRows. Skipped, as not being trials: empty rows, a header row repeated where a
 * table continues, and caption rows (one cell spanning the table, "Table 2 (continued)" or a group label
 * such as "Targeted therapy"). A group label fills the combined-with cell of the rows below it when that
 * cell is empty.
 */
function readBodyRows(
  grid: readonly GridRow[],
  headerRows: readonly GridRow[],
  columns: ColumnIndex,
): BaselineRow[] {
  const headerLines = new Set(headerRows.map((row) => rowTexts(row).join('\t')));
  const width = Math.max(...grid.map((row) => row.cells.length));
  const rows: Array<{ row: BaselineRow; where: string }> = [];
  let groupLabel: string | null = null;
  for (const row of grid) {
    if (headerRows.includes(row) || row.section === 'tfoot') continue;
    const texts = rowTexts(row);
    if (texts.every((text) => text === '') || headerLines.has(texts.join('\t'))) continue;
    const spanned = texts[0] ?? '';
    if (row.ownCells === 1 && width > 1 && findNctIds(spanned).length === 0) {
      groupLabel = /^table\s+\d+/i.test(spanned) ? groupLabel : spanned;
      continue;
    }
    const cells: RowCells = {};
    for (const column of BASELINE_COLUMNS) {
      const index = columns[column];
      if (index === undefined) continue;
      cells[column] = column === 'nctId' ? nctCellText(row, index) : (row.cells[index]?.text ?? '');
    }
    if (groupLabel !== null && columns.combinedWith !== undefined && cells.combinedWith === '') {
      cells.combinedWith = groupLabel;
    }
    const where = describe(row);
    rows.push({ row: toBaselineRow(cells, where), where });
  }
  return collectRows(rows);
}

/**
 * Parses the baseline table out of a journal article page: the first `<table>` whose header names an NCT
 * (or Trial) column and a status column. Tolerates thead-less tables, `<th scope>`, footnote markers,
 * `&nbsp;`, line breaks inside cells, rowspan/colspan, empty cells and NCT ids that are only in a link.
 * A row that is not a trial yet holds data (no NCT id, no status, two ids...) is an error naming the row.
 */
export function parseBaselineHtml(html: string): BaselineRow[] {
  const $ = load(html);
  const tables = $('table').toArray();
  if (tables.length === 0) throw new BaselineParseError('the page has no <table>');
  const problems: string[] = [];
  for (const [index, table] of tables.entries()) {
    const grid = readTableGrid($, table);
    const headerRows = headerRowsOf(grid);
    const resolved = resolveColumns(headerTexts(headerRows));
    if ('columns' in resolved) return readBodyRows(grid, headerRows, resolved.columns);
    const caption = $(table).children('caption').text().replace(/\s+/g, ' ').trim();
    problems.push(
      `table ${index + 1}${caption === '' ? '' : ` ("${caption.slice(0, 60)}")`}: ${resolved.problem}`,
    );
  }
  throw new BaselineParseError(
    `no table with an NCT (or Trial) column and a status column: ${problems.join('; ')}`,
  );
}
