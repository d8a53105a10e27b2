import { describe, expect, it } from 'vitest';
import { detectBaselineFormat, parseBaseline, summarizeBaseline } from './parse-baseline.js';

const TSV = 'nct_id\tstatus_as_published\nNCT09900801\tRecruiting\nNCT09900802\tAbstract published\n';
const HTML = `<!doctype html><html><body><table>
  <tr><th>NCT</th><th>Status</th></tr>
  <tr><td>NCT09900801</td><td>Recruiting</td></tr>
  <tr><td>NCT09900802</td><td>Abstract published</td></tr>
  <tr><td>NCT09900803</td><td>Completed</td></tr>
</table></body></html>`;

describe('detectBaselineFormat', () => {
  it('tells a page from tab-separated text', () => {
    expect(detectBaselineFormat(HTML)).toBe('html');
    expect(detectBaselineFormat('\ufeff  <table><tr><td>x</td></tr></table>')).toBe('html');
    expect(detectBaselineFormat('Saved page:\n<div><table class="t"></table></div>')).toBe('html');
    expect(detectBaselineFormat(TSV)).toBe('tsv');
    expect(detectBaselineFormat('nct_id\tnote\nNCT09900801\tless than <5 sites\n')).toBe('tsv');
  });
});

describe('parseBaseline', () => {
  it('parses either format, detected or forced', () => {
    expect(parseBaseline(TSV).map((row) => row.nctId)).toEqual(['NCT09900801', 'NCT09900802']);
    expect(parseBaseline(HTML).map((row) => row.nctId)).toEqual([
      'NCT09900801',
      'NCT09900802',
      'NCT09900803',
    ]);
    expect(() => parseBaseline(HTML, 'tsv')).toThrow(/no NCT \(or Trial\) column/);
  });
});

describe('summarizeBaseline', () => {
  it('counts trials and those whose printed status maps to a registry status', () => {
    expect(summarizeBaseline(parseBaseline(HTML))).toEqual({ trials: 3, mapped: 2, unmapped: 1 });
    expect(summarizeBaseline([])).toEqual({ trials: 0, mapped: 0, unmapped: 0 });
  });
});
