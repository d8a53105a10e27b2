import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { cleanCellText } from './to-baseline-row.js';

/** One cell as read: its text with footnote markers removed, and the targets of its links. */
export interface GridCell {
  text: string;
  hrefs: string[];
}

/** One `<tr>` laid out on the table's columns, rowspan and colspan expanded. */
export interface GridRow {
  /** 1-based position among the table's rows, for error messages. */
  position: number;
  section: 'thead' | 'tbody' | 'tfoot';
  cells: GridCell[];
  /** How many `<td>`/`<th>` the row itself holds (1 for a caption row spanning the table). */
  ownCells: number;
  allHeaderCells: boolean;
}

const EMPTY_CELL: GridCell = { text: '', hrefs: [] };
const FOOTNOTE_SYMBOLS = /^[*†‡§¶‖#]+$/;
const FOOTNOTE_LETTERS = /^[a-z](,\s?[a-z])*$/;

/**
 * Whether a `<sup>` is a footnote marker to drop rather than text to keep. Kept: a mass number written
 * before its element (`<sup>177</sup>Lu`, `<sup>99m</sup>Tc`) and a unit's power (`m<sup>2</sup>`).
 * Dropped: a link to a note on the page, note symbols (*, †), note letters (a, b) and note numbers.
 */
function isFootnoteMarker(text: string, linked: boolean, before: string, after: string): boolean {
  const marker = text.trim();
  if (linked) return true;
  if (/^[A-Z]/.test(after) && /^\d+m?$/.test(marker)) return false;
  if (FOOTNOTE_SYMBOLS.test(marker) || FOOTNOTE_LETTERS.test(marker)) return true;
  if (/^\d+(,\s?\d+)*$/.test(marker)) return !/(^|[\s/\d])c?m$/.test(before);
  return false;
}

function readCell($: CheerioAPI, cell: Cheerio<Element>): GridCell {
  const copy = cell.clone();
  const hrefs = copy
    .find('a[href]')
    .toArray()
    .map((link) => $(link).attr('href') ?? '');
  copy.find('br').replaceWith(' ');
  copy.find('p, div, li, table, tr, td, th').prepend(' ').append(' ');
  const sups: Array<{ text: string; linked: boolean }> = [];
  copy.find('sup').each((index, sup) => {
    const node = $(sup);
    const linked = node.find('a[href^="#"]').length > 0 || node.closest('a[href^="#"]').length > 0;
    sups.push({ text: node.text(), linked });
    node.replaceWith(`\ue000${index}\ue001`);
  });
  const text = copy
    .text()
    .replace(/\ue000(\d+)\ue001/g, (match, index: string, offset: number, whole: string) => {
      const sup = sups[Number(index)];
      if (sup === undefined) return '';
      const before = whole.slice(0, offset);
      const after = whole.slice(offset + match.length);
      return isFootnoteMarker(sup.text, sup.linked, before, after) ? '' : sup.text;
    });
  return { text: cleanCellText(text), hrefs };
}

function sectionOf(row: Cheerio<Element>): GridRow['section'] {
  const parent = row.parent().prop('tagName')?.toLowerCase();
  return parent === 'thead' || parent === 'tfoot' ? parent : 'tbody';
}

function span(cell: Cheerio<Element>, attribute: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.attr(attribute) ?? '1', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}

/**
 * Lays a table's rows out on a grid: a cell with rowspan repeats in the rows below it, one with colspan in
 * the columns beside it. Rows of nested tables are not the table's own and are skipped; a rowspan never
 * crosses from one section (thead, tbody, tfoot) into another.
 */
export function readTableGrid($: CheerioAPI, table: Element): GridRow[] {
  const rows = $(table)
    .find('tr')
    .toArray()
    .filter((row) => $(row).closest('table').get(0) === table);
  const grid: GridRow[] = [];
  let pending: Array<{ cell: GridCell; remaining: number } | undefined> = [];
  let previousSection: GridRow['section'] | undefined;
  for (const [rowIndex, rowElement] of rows.entries()) {
    const row = $(rowElement);
    const section = sectionOf(row);
    if (section !== previousSection) pending = [];
    previousSection = section;
    const cells: GridCell[] = [];
    let column = 0;
    const takePending = (): boolean => {
      const carried = pending[column];
      if (carried === undefined || carried.remaining === 0) return false;
      cells[column] = carried.cell;
      carried.remaining -= 1;
      column += 1;
      return true;
    };
    const ownCells = row.children('td, th').toArray();
    for (const cellElement of ownCells) {
      while (takePending());
      const cellNode = $(cellElement);
      const cell = readCell($, cellNode);
      const rowspan = span(cellNode, 'rowspan');
      for (let offset = 0; offset < span(cellNode, 'colspan'); offset += 1) {
        cells[column] = cell;
        pending[column] = rowspan > 1 ? { cell, remaining: rowspan - 1 } : undefined;
        column += 1;
      }
    }
    while (column < pending.length) if (!takePending()) column += 1;
    grid.push({
      position: rowIndex + 1,
      section,
      cells: Array.from({ length: cells.length }, (_, index) => cells[index] ?? EMPTY_CELL),
      ownCells: ownCells.length,
      allHeaderCells: ownCells.length > 0 && ownCells.every((cell) => cell.tagName.toLowerCase() === 'th'),
    });
  }
  return grid;
}
