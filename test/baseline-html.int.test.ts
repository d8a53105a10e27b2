import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBaselineHtml, parseBaselineTsv, summarizeBaseline } from '../packages/baseline/src/index.js';
import { table2TsvPath } from './support/paths.js';

/**
 * Renders table2.tsv (read at test time, never committed) as a journal would print it on an article page,
 * with the markup journals use: the NCT number without prefix inside a registry link, mass numbers in
 * <sup>, footnote markers, &nbsp;, <br> inside cells, rowspan on repeated values, a page-break caption and
 * repeated header, and a decoy table before it.
 */
const HEADERS = [
  'NCT',
  'Trial ID',
  'Origin',
  'Est. enrollment',
  'Combined with',
  'PRRT',
  'Dosage',
  'Study phase',
  'Status',
];
/** Columns a journal merges with rowspan when consecutive rows repeat a value. */
const GROUPED_COLUMNS = new Set([2, 4, 5, 6, 7]);
const PAGE_BREAK_AFTER = 16;

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function renderCell(column: number, value: string, row: number): string {
  const text = escape(value);
  switch (column) {
    case 0: {
      const link = `<a href="https://clinicaltrials.gov/study/${text}">${text.replace(/^NCT/, '')}</a>`;
      return `<th scope="row">${row % 3 === 2 ? text : link}</th>`;
    }
    case 1:
      return `<td>${text === '' && row % 2 === 1 ? '–' : text}</td>`;
    case 2:
      return `<td>${text.replace(/, /g, ',<br>')}</td>`;
    case 5:
      return `<td>${text.replace(/(?<![\w.-])(\d{2,3})(Lu|Y|I)(?![a-z])/g, '<sup>$1</sup>$2')}</td>`;
    case 6:
      return `<td>${text.replace(/ GBq/g, '&nbsp;GBq').replace(/, /g, ',<br/>\n')}</td>`;
    case 8:
      if (value === 'Abstract published') return `<td>${text}<sup><a href="#Tab2-fn2">b</a></sup></td>`;
      return `<td>${text.replace(/, /g, ',&nbsp;')}${value === 'Unknown' ? '<sup>c</sup>' : ''}</td>`;
    default:
      return `<td>${text}</td>`;
  }
}

/** The rows of one page of the table, with rowspan where consecutive rows repeat a grouped value. */
function renderRows(rows: readonly string[][], offset: number): string {
  return rows
    .map((cells, index) => {
      const rendered = cells.map((value, column) => {
        if (!GROUPED_COLUMNS.has(column) || value === '') return renderCell(column, value, offset + index);
        if (index > 0 && rows[index - 1]?.[column] === value) return '';
        let span = 1;
        while (rows[index + span]?.[column] === value) span += 1;
        const cell = renderCell(column, value, offset + index);
        return span === 1 ? cell : cell.replace(/^<td>/, `<td rowspan="${span}">`);
      });
      return `<tr>\n  ${rendered.filter((cell) => cell !== '').join('\n  ')}\n</tr>`;
    })
    .join('\n');
}

function renderJournalPage(rows: readonly string[][]): string {
  const headerRow = `<tr>${HEADERS.map((header) => `<th scope="col">${header.replace('. ', '.<br>')}</th>`).join('')}</tr>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A review | A journal</title></head>
<body>
<nav><a href="/">Journal home</a> · <a href="/articles">Articles</a></nav>
<main><article>
<h1>A review of radionuclide therapy combinations</h1>
<p>Paragraphs of the article, mentioning NCT00000000 in passing.</p>
<figure><img src="fig1.png" alt=""><figcaption>Fig. 1 A figure.</figcaption></figure>
<div class="c-article-table"><table>
<caption>Table 1 Radionuclides</caption>
<thead><tr><th>Radionuclide</th><th>Main emission</th></tr></thead>
<tbody><tr><td><sup>177</sup>Lu</td><td>β−</td></tr></tbody>
</table></div>
<p>More text before the table.</p>
<div class="c-article-table"><table class="data">
<caption><b>Table 2</b> Current clinical trials investigating PRRT combination therapies</caption>
<thead>${headerRow}</thead>
<tbody>
${renderRows(rows.slice(0, PAGE_BREAK_AFTER), 0)}
<tr><td colspan="9"><b>Table 2</b> (continued)</td></tr>
${headerRow}
${renderRows(rows.slice(PAGE_BREAK_AFTER), PAGE_BREAK_AFTER)}
</tbody>
</table>
<div class="c-article-table-footer"><p id="Tab2-fn1">a Trials registered at ClinicalTrials.gov</p>
<p id="Tab2-fn2">b Results published as an abstract</p><p>c Status not verified recently</p></div></div>
</article></main>
<footer><p>© A publisher</p></footer>
</body></html>`;
}

describe('parseBaselineHtml on table2.tsv rendered as a journal page', () => {
  const tsv = readFileSync(table2TsvPath, 'utf8');
  const [, ...dataLines] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const cells = dataLines.map((line) => line.split('\t'));

  it('gives exactly the rows parseBaselineTsv gives', () => {
    const page = renderJournalPage(cells);
    expect(page).toContain('rowspan=');
    const fromTsv = parseBaselineTsv(tsv);
    expect(fromTsv.map((row) => row.nctId)).toEqual(cells.map((row) => row[0]));
    expect(parseBaselineHtml(page)).toEqual(fromTsv);
  });

  it('summarizes Table 2 as 19 trials, 17 with a registry status and 2 without', () => {
    const rows = parseBaselineTsv(tsv);
    expect(summarizeBaseline(rows)).toEqual({ trials: 19, mapped: 17, unmapped: 2 });
    expect(rows.filter((row) => row.unmapped).map((row) => row.statusAsPublished)).toEqual([
      'Abstract published',
      'Abstract published',
    ]);
  });
});
