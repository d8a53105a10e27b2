import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BaselineParseError } from './baseline-row.schema.js';
import { parseBaselineHtml } from './parse-baseline-html.js';

const journalPage = readFileSync(
  new URL('../../../test/fixtures/journal-table-page.html', import.meta.url),
  'utf8',
);

function table(inner: string): string {
  return `<html><body><p>Text before.</p><table>${inner}</table><p>Text after.</p></body></html>`;
}

describe('parseBaselineHtml on a journal article page', () => {
  const rows = parseBaselineHtml(journalPage);

  it('picks Table 2 (not Table 1, which has no NCT column) and reads its four trials in order', () => {
    expect(rows.map((row) => row.nctId)).toEqual([
      'NCT09900101',
      'NCT09900102',
      'NCT09900103',
      'NCT09900104',
    ]);
  });

  it('reads an id printed without prefix inside a link, and keeps mass numbers in superscript', () => {
    expect(rows[0]).toEqual({
      nctId: 'NCT09900101',
      trialId: 'FJORD-LU',
      origin: 'Norway',
      estEnrollment: 1040,
      combinedWith: 'Chemotherapy; capecitabine',
      prrt: '[177Lu]Lu-DOTA-TATE',
      dosage: '4 cycles 7.4 GBq',
      phase: 'III',
      statusAsPublished: 'Recruiting',
      status: 'RECRUITING',
      unmapped: false,
    });
  });

  it('carries a rowspan cell down, drops footnote markers and keeps a unit power', () => {
    expect(rows[1]).toMatchObject({
      trialId: null,
      origin: 'Multicenter, Denmark',
      combinedWith: 'Chemotherapy; capecitabine',
      prrt: '[177Lu]Lu-DOTA-TOC',
      dosage: 'Up to 6 cycles, 1000 mg/m2 daily',
      phase: 'I/II',
      statusAsPublished: 'Not yet recruiting',
      status: 'NOT_YET_RECRUITING',
    });
  });

  it('takes the id from the link when the cell text has none, reads a dash as empty and paragraphs as spaces', () => {
    expect(rows[2]).toMatchObject({
      nctId: 'NCT09900103',
      trialId: null,
      combinedWith: 'Immunotherapy; invented-mab',
      dosage: 'Up to 4 cycles, unknown dose',
      statusAsPublished: 'Active, not recruiting',
      status: 'ACTIVE_NOT_RECRUITING',
    });
  });

  it('takes the acronym printed beside the id and keeps a publication state unmapped', () => {
    expect(rows[3]).toMatchObject({
      nctId: 'NCT09900104',
      trialId: 'PAIR-2',
      prrt: '[90Y]Y-DOTATOC and [177Lu]Lu-DOTATATE',
      statusAsPublished: 'Abstract published',
      status: null,
      unmapped: true,
    });
  });
});

describe('parseBaselineHtml on table layouts', () => {
  it('reads a table without thead whose first row is <th> headers', () => {
    const html = table(
      '<tr><th>Trial</th><th>Phase</th><th>Recruitment status</th></tr>' +
        '<tr><td>NCT09900201</td><td>II</td><td>Completed</td></tr>',
    );
    expect(parseBaselineHtml(html)).toEqual([
      expect.objectContaining({ nctId: 'NCT09900201', phase: 'II', status: 'COMPLETED' }),
    ]);
  });

  it('reads a table whose header row is plain <td> cells', () => {
    const html = table('<tr><td>NCT</td><td>Status</td></tr><tr><td>09900202</td><td>Withdrawn</td></tr>');
    expect(parseBaselineHtml(html)).toEqual([
      expect.objectContaining({ nctId: 'NCT09900202', status: 'WITHDRAWN' }),
    ]);
  });

  it('carries a rowspan over three rows and a colspan over two columns', () => {
    const html = table(
      '<thead><tr><th>NCT</th><th>Combined with</th><th>Phase</th><th>Status</th></tr></thead><tbody>' +
        '<tr><td>NCT09900301</td><td rowspan="3">Immunotherapy</td><td colspan="2">Suspended</td></tr>' +
        '<tr><td>NCT09900302</td><td>I</td><td>Recruiting</td></tr>' +
        '<tr><td>NCT09900303</td><td>II</td><td>Terminated</td></tr>' +
        '<tr><td>NCT09900304</td><td>Chemotherapy</td><td>III</td><td>Unknown status</td></tr></tbody>',
    );
    expect(
      parseBaselineHtml(html).map((row) => [row.nctId, row.combinedWith, row.phase, row.status]),
    ).toEqual([
      ['NCT09900301', 'Immunotherapy', 'Suspended', 'SUSPENDED'],
      ['NCT09900302', 'Immunotherapy', 'I', 'RECRUITING'],
      ['NCT09900303', 'Immunotherapy', 'II', 'TERMINATED'],
      ['NCT09900304', 'Chemotherapy', 'III', 'UNKNOWN'],
    ]);
  });

  it('skips a repeated header and a "continued" caption row, and uses a group label for empty partner cells', () => {
    const html = table(
      '<thead><tr><th>NCT</th><th>Combined with</th><th>Status</th></tr></thead><tbody>' +
        '<tr><td colspan="3"><b>Targeted therapy</b></td></tr>' +
        '<tr><td>NCT09900401</td><td></td><td>Recruiting</td></tr>' +
        '<tr><td colspan="3">Table 2 (continued)</td></tr>' +
        '<tr><th>NCT</th><th>Combined with</th><th>Status</th></tr>' +
        '<tr><td>NCT09900402</td><td>olaparib</td><td>Recruiting</td></tr>' +
        '<tr><td></td><td></td><td></td></tr></tbody>' +
        '<tfoot><tr><td colspan="3">NCT09900999 is mentioned in a footnote only.</td></tr></tfoot>',
    );
    expect(parseBaselineHtml(html).map((row) => [row.nctId, row.combinedWith])).toEqual([
      ['NCT09900401', 'Targeted therapy'],
      ['NCT09900402', 'olaparib'],
    ]);
  });

  it('tells superscript footnote markers from mass numbers and unit powers', () => {
    const html = table(
      '<tr><th>NCT</th><th>Origin</th><th>PRRT</th><th>Dosage</th><th>Status</th></tr>' +
        '<tr><td>NCT09900901<sup>*</sup></td><td>Sweden<sup>1</sup></td>' +
        '<td><sup>99m</sup>Tc imaging, then <sup>225</sup>Ac-DOTATATE<sup>†</sup></td>' +
        '<td>1500 mg/m<sup>2</sup><sup>a,b</sup></td><td>Recruiting<sup>2</sup></td></tr>',
    );
    expect(parseBaselineHtml(html)).toEqual([
      expect.objectContaining({
        nctId: 'NCT09900901',
        origin: 'Sweden',
        prrt: '99mTc imaging, then 225Ac-DOTATATE',
        dosage: '1500 mg/m2',
        status: 'RECRUITING',
      }),
    ]);
  });

  it("reads a table nested in a cell as that cell's text, not as rows", () => {
    const html = table(
      '<tr><th>NCT</th><th>Dosage</th><th>Status</th></tr>' +
        '<tr><td>NCT09900501</td><td><table><tr><td>Cycle 1</td><td>7.4 GBq</td></tr>' +
        '<tr><td>Cycle 2</td><td>3.7 GBq</td></tr></table></td><td>Recruiting</td></tr>',
    );
    expect(parseBaselineHtml(html)).toEqual([
      expect.objectContaining({
        nctId: 'NCT09900501',
        dosage: 'Cycle 1 7.4 GBq Cycle 2 3.7 GBq',
        status: 'RECRUITING',
      }),
    ]);
  });
});

describe('parseBaselineHtml on bad input', () => {
  it('names the row of a trial without an NCT id', () => {
    const html = table(
      '<tr><th>NCT</th><th>Trial ID</th><th>Status</th></tr>' +
        '<tr><td>NCT09900601</td><td>A</td><td>Recruiting</td></tr>' +
        '<tr><td>pending</td><td>B</td><td>Recruiting</td></tr>',
    );
    expect(() => parseBaselineHtml(html)).toThrow(BaselineParseError);
    expect(() => parseBaselineHtml(html)).toThrow(
      'table row 3 (pending | B | Recruiting): no NCT id in the NCT cell',
    );
  });

  it('names the row of a trial without a status and of a trial listed twice', () => {
    const header = '<tr><th>NCT</th><th>Status</th></tr>';
    expect(() => parseBaselineHtml(table(`${header}<tr><td>NCT09900701</td><td>—</td></tr>`))).toThrow(
      'table row 2 (NCT09900701 | —): NCT09900701 has no status',
    );
    const twice = `${header}<tr><td>NCT09900702</td><td>Recruiting</td></tr><tr><td>09900702</td><td>Unknown</td></tr>`;
    expect(() => parseBaselineHtml(table(twice))).toThrow(
      'table row 3 (09900702 | Unknown): NCT09900702 is listed twice (first at table row 2',
    );
  });

  it('explains why no table qualifies', () => {
    const html =
      '<table><caption>Table 1 Isotopes</caption><tr><th>Isotope</th><th>Status</th></tr></table>' +
      '<table><tr><th>NCT</th><th>Phase</th></tr></table>';
    expect(() => parseBaselineHtml(html)).toThrow(
      'no table with an NCT (or Trial) column and a status column: table 1 ("Table 1 Isotopes"): no NCT (or Trial) column; table 2: no status column',
    );
    expect(() => parseBaselineHtml('<p>No tables here.</p>')).toThrow('the page has no <table>');
  });
});
