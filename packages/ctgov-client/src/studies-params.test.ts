import { describe, expect, it } from 'vitest';
import { clampPageSize, toStudiesParams } from './studies-params.js';

describe('toStudiesParams', () => {
  it('maps every query field to the API parameter name', () => {
    const params = toStudiesParams({
      queryTerm: 'PRRT',
      queryIntr: 'Lutathera OR "177Lu-DOTATATE"',
      queryCond: 'neuroendocrine',
      queryTitles: 'NETTER',
      querySpons: 'Novartis',
      filterIds: ['NCT01578239', 'NCT03972488'],
      filterOverallStatus: ['RECRUITING', 'COMPLETED'],
      filterAdvanced: 'AREA[LastUpdatePostDate]RANGE[2026-11-20,MAX]',
      fields: ['NCTId', 'OverallStatus'],
      pageSize: 200,
    });
    expect(Object.fromEntries(params)).toEqual({
      format: 'json',
      'query.term': 'PRRT',
      'query.intr': 'Lutathera OR "177Lu-DOTATATE"',
      'query.cond': 'neuroendocrine',
      'query.titles': 'NETTER',
      'query.spons': 'Novartis',
      'filter.ids': 'NCT01578239|NCT03972488',
      'filter.overallStatus': 'RECRUITING|COMPLETED',
      'filter.advanced': 'AREA[LastUpdatePostDate]RANGE[2026-11-20,MAX]',
      fields: 'NCTId,OverallStatus',
      pageSize: '200',
      countTotal: 'true',
    });
  });

  it('leaves out empty values and lists', () => {
    const params = toStudiesParams({ queryTerm: '  ', filterIds: [], filterOverallStatus: [' '] });
    expect([...params.keys()]).toEqual(['format', 'countTotal']);
  });

  it('honours countTotal=false on the first page', () => {
    expect(toStudiesParams({ countTotal: false }).get('countTotal')).toBe('false');
  });

  it('repeats the first page parameters on later pages, with the token and without countTotal', () => {
    const query = { queryIntr: 'everolimus', filterOverallStatus: ['RECRUITING'], pageSize: 50 };
    const first = toStudiesParams(query);
    const later = toStudiesParams(query, 'NF0g5JaGmg');
    expect(later.get('pageToken')).toBe('NF0g5JaGmg');
    expect(later.has('countTotal')).toBe(false);
    first.delete('countTotal');
    later.delete('pageToken');
    expect(later.toString()).toBe(first.toString());
  });

  it('encodes the separators so that the server reads them back', () => {
    const encoded = toStudiesParams({ filterIds: ['NCT1', 'NCT2'], queryTerm: 'a OR b' }).toString();
    expect(new URLSearchParams(encoded).get('filter.ids')).toBe('NCT1|NCT2');
    expect(new URLSearchParams(encoded).get('query.term')).toBe('a OR b');
  });
});

describe('clampPageSize', () => {
  it('keeps the page size within 1..1000', () => {
    expect(clampPageSize(5000)).toBe(1000);
    expect(clampPageSize(0)).toBe(1);
    expect(clampPageSize(-3)).toBe(1);
    expect(clampPageSize(12.7)).toBe(12);
    expect(clampPageSize(Number.NaN)).toBe(1000);
  });
});
