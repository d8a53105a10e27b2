import { BASELINE_COLUMNS, requireColumns } from './baseline-columns.js';
import { BaselineParseError, type BaselineRow } from './baseline-row.schema.js';
import { collectRows } from './collect-rows.js';
import { toBaselineRow, type RowCells } from './to-baseline-row.js';

/** One record of a tab-separated file and the line it starts on. */
interface TsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits tab-separated text into records. CRLF, CR and LF all end a record; a cell that starts with a double
 * quote runs to the closing quote (tabs and line breaks inside it are kept, `""` is one quote).
 */
export function splitTsv(text: string): TsvRecord[] {
  const records: TsvRecord[] = [];
  const source = text.replace(/^\ufeff/, '');
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let index = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === '"' && cell.trim() === '') {
      const close = findClosingQuote(source, index + 1, line);
      const quoted = source.slice(index + 1, close);
      cell = quoted.replace(/""/g, '"');
      line += (quoted.match(/\r\n|\r|\n/g) ?? []).length;
      index = close + 1;
    } else if (char === '\t') {
      cells.push(cell);
      cell = '';
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      cell += char;
      index += 1;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function findClosingQuote(source: string, from: number, line: number): number {
  let index = from;
  for (;;) {
    const quote = source.indexOf('"', index);
    if (quote === -1) throw new BaselineParseError(`line ${line}: a quoted cell is never closed`);
    if (source[quote + 1] !== '"') return quote;
    index = quote + 2;
  }
}

const isBlank = (record: TsvRecord): boolean => record.cells.every((cell) => cell.trim() === '');

/**
 * Parses a baseline table saved as TSV (table2.tsv's header names, or the printed ones: "NCT", "Status"...).
 * Blank lines and trailing blank cells are tolerated; anything else that cannot be read is an error naming
 * the line.
 */
export function parseBaselineTsv(text: string): BaselineRow[] {
  const records = splitTsv(text).filter((record) => !isBlank(record));
  const [header, ...body] = records;
  if (header === undefined) throw new BaselineParseError('the TSV has no header line');
  const columns = requireColumns(header.cells, `line ${header.line}`);
  const width = header.cells.length;
  return collectRows(
    body.map((record) => {
      const where = `line ${record.line}`;
      const extra = record.cells.slice(width).filter((cell) => cell.trim() !== '');
      if (extra.length > 0) {
        throw new BaselineParseError(`${where}: ${record.cells.length} cells, but the header has ${width}`);
      }
      const cells: RowCells = {};
      for (const column of BASELINE_COLUMNS) {
        const index = columns[column];
        if (index !== undefined) cells[column] = record.cells[index] ?? '';
      }
      return { row: toBaselineRow(cells, where), where };
    }),
  );
}
