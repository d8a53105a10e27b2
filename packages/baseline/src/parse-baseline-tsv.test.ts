import { describe, expect, it } from 'vitest';
import { BaselineParseError } from './baseline-row.schema.js';
import { parseBaselineTsv, splitTsv } from './parse-baseline-tsv.js';

const HEADER =
  'nct_id\ttrial_id\torigin\test_enrollment\tcombined_with\tprrt\tdosage\tphase\tstatus_as_published';

function tsv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

describe('splitTsv', () => {
  it('splits on tabs and on LF, CRLF and CR, numbering lines', () => {
    expect(splitTsv('a\tb\r\nc\td\re\tf\ng')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e', 'f'] },
      { line: 4, cells: ['g'] },
    ]);
  });

  it('keeps tabs, line breaks and doubled quotes inside a quoted cell and counts its lines', () => {
    expect(splitTsv('"x\ty"\t"say ""hi""\nthere"\tz\nnext')).toEqual([
      { line: 1, cells: ['x\ty', 'say "hi"\nthere', 'z'] },
      { line: 3, cells: ['next'] },
    ]);
  });

  it('fails on a quoted cell that is never closed, naming its line', () => {
    expect(() => splitTsv('a\n"open\tcell')).toThrow(/line 2: a quoted cell is never closed/);
  });
});

describe('parseBaselineTsv', () => {
  it('reads every column, maps the status and turns empty cells into null', () => {
    const rows = parseBaselineTsv(
      tsv(
        'NCT09900001\tALPHA\tNorway\t40\tChemotherapy; capecitabine\t[177Lu]Lu-DOTA-TATE\t4 cycles 7.4 GBq\tII\tRecruiting',
        'NCT09900002\t\t\t\tDouble PRRT\t\t\t\tAbstract published',
      ),
    );
    expect(rows).toEqual([
      {
        nctId: 'NCT09900001',
        trialId: 'ALPHA',
        origin: 'Norway',
        estEnrollment: 40,
        combinedWith: 'Chemotherapy; capecitabine',
        prrt: '[177Lu]Lu-DOTA-TATE',
        dosage: '4 cycles 7.4 GBq',
        phase: 'II',
        statusAsPublished: 'Recruiting',
        status: 'RECRUITING',
        unmapped: false,
      },
      {
        nctId: 'NCT09900002',
        trialId: null,
        origin: null,
        estEnrollment: null,
        combinedWith: 'Double PRRT',
        prrt: null,
        dosage: null,
        phase: null,
        statusAsPublished: 'Abstract published',
        status: null,
        unmapped: true,
      },
    ]);
  });

  it('tolerates a BOM, CRLF, blank lines, trailing blank cells, padding and quoted cells', () => {
    const text =
      '\ufeff' +
      HEADER +
      '\r\n\r\n' +
      ' 09900003 \tBETA \t"Multicenter, USA"\t" 1,200 "\tTargeted therapy\t\t\tI/II\t"Active, not recruiting"\t\t\r\n' +
      '\t\t\t\r\n';
    const [row, ...rest] = parseBaselineTsv(text);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      nctId: 'NCT09900003',
      trialId: 'BETA',
      origin: 'Multicenter, USA',
      estEnrollment: 1200,
      status: 'ACTIVE_NOT_RECRUITING',
    });
  });

  it('accepts the headers as the review printed them, in any order', () => {
    const text = 'Status\tNCT\tStudy phase\tEst. enrollment\n' + 'Unknown\t09900004\tII\t25\n';
    expect(parseBaselineTsv(text)).toEqual([
      expect.objectContaining({ nctId: 'NCT09900004', phase: 'II', estEnrollment: 25, status: 'UNKNOWN' }),
    ]);
  });

  it('names the line of a row without an NCT id', () => {
    const text = tsv('NCT09900001\t\t\t\t\t\t\t\tRecruiting', 'START-NET\t\t\t\t\t\t\t\tRecruiting');
    expect(() => parseBaselineTsv(text)).toThrow(BaselineParseError);
    expect(() => parseBaselineTsv(text)).toThrow('line 3: no NCT id in the NCT cell ("START-NET")');
  });

  it('rejects a row with two NCT ids, an unreadable enrollment, no status or too many cells', () => {
    expect(() => parseBaselineTsv(tsv('NCT09900001 NCT09900002\t\t\t\t\t\t\t\tRecruiting'))).toThrow(
      'line 2: 2 NCT ids in the NCT cell',
    );
    expect(() => parseBaselineTsv(tsv('NCT09900001\t\t\tabout forty\t\t\t\t\tRecruiting'))).toThrow(
      'line 2: est. enrollment "about forty" is not a whole number',
    );
    expect(() => parseBaselineTsv(tsv('NCT09900001\t\t\t40\t\t\t\tII\t'))).toThrow(
      'line 2: NCT09900001 has no status',
    );
    expect(() => parseBaselineTsv(tsv('NCT09900001\t\t\t\t\t\t\t\tRecruiting\tstray'))).toThrow(
      'line 2: 10 cells, but the header has 9',
    );
  });

  it('rejects a trial listed twice, naming both lines', () => {
    const text = tsv('NCT09900001\t\t\t\t\t\t\t\tRecruiting', '', 'NCT09900001\t\t\t\t\t\t\t\tUnknown');
    expect(() => parseBaselineTsv(text)).toThrow('line 4: NCT09900001 is listed twice (first at line 2)');
  });

  it('rejects a header without an NCT or status column, and empty input', () => {
    expect(() => parseBaselineTsv('trial_id\tstatus_as_published\nX\tRecruiting\n')).toThrow(
      'line 1: no NCT (or Trial) column in the header',
    );
    expect(() => parseBaselineTsv('nct_id\tphase\nNCT09900001\tII\n')).toThrow('line 1: no status column');
    expect(() => parseBaselineTsv('\n \n')).toThrow('the TSV has no header line');
  });
});
