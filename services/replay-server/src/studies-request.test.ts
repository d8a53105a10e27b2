import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from './invalid-parameter.error.js';
import { encodePageToken } from './page-token.js';
import { canonicalNctId, parseStudiesRequest } from './studies-request.js';

const parse = (query: string, cap: number | null = null) =>
  parseStudiesRequest(new URLSearchParams(query), cap);

describe('parseStudiesRequest', () => {
  it('defaults to 10 a page, no total, first page', () => {
    expect(parse('')).toMatchObject({
      pageSize: 10,
      countTotal: false,
      offset: 0,
      ids: null,
      statuses: null,
    });
    expect(parse('pageSize=0').pageSize).toBe(10);
  });

  it('coerces pageSize down to 1000 and to the cap', () => {
    expect(parse('pageSize=5000').pageSize).toBe(1000);
    expect(parse('pageSize=500', 1).pageSize).toBe(1);
    expect(() => parse('pageSize=-1')).toThrow(InvalidParameterError);
    expect(() => parse('pageSize=ten')).toThrow(InvalidParameterError);
  });

  it('splits ids and statuses on | or , and reads ids in their 8-digit form', () => {
    const request = parse('filter.ids=NCT01578239,nct3972488&filter.overallStatus=RECRUITING|COMPLETED');
    expect([...(request.ids ?? [])]).toEqual(['NCT01578239', 'NCT03972488']);
    expect([...(request.statuses ?? [])]).toEqual(['RECRUITING', 'COMPLETED']);
    expect(() => parse('filter.ids=12345')).toThrow(InvalidParameterError);
    expect(() => parse('filter.overallStatus=recruiting')).toThrow(InvalidParameterError);
  });

  it('gathers the conditions of every query parameter and filter.advanced', () => {
    const request = parse(
      'query.intr=lutathera&query.cond=NET OR carcinoid&filter.advanced=AREA[LastUpdatePostDate]RANGE[2026-01-01,MAX]',
    );
    expect(request.conditions).toEqual([
      { kind: 'terms', scope: 'intr', anyOf: ['lutathera'] },
      { kind: 'terms', scope: 'cond', anyOf: ['net', 'carcinoid'] },
      { kind: 'date-range', area: 'LastUpdatePostDate', from: '2026-01-01', to: null },
    ]);
  });

  it('reads the offset from a token of the same search', () => {
    const first = parse('query.intr=lutathera&countTotal=true');
    const token = encodePageToken(20, first.fingerprint);
    expect(parse(`query.intr=lutathera&pageToken=${token}&pageSize=3`).offset).toBe(20);
    expect(() => parse(`query.intr=sunitinib&pageToken=${token}`)).toThrow(InvalidParameterError);
  });

  it('answers unknown and unsupported parameters with a 400 message like the registry', () => {
    expect(() => parse('query.bogus=x')).toThrow('Invalid prefix in parameter name: query.bogus');
    expect(() => parse('sort=LastUpdatePostDate')).toThrow('not supported by the replay server');
    expect(() => parse('format=csv')).toThrow(InvalidParameterError);
    expect(() => parse('countTotal=yes')).toThrow(InvalidParameterError);
    expect(() => parse('query.term=a&query.term=b')).toThrow(InvalidParameterError);
  });
});

describe('canonicalNctId', () => {
  it('pads to eight digits', () => {
    expect(canonicalNctId('NCT123')).toBe('NCT00000123');
    expect(canonicalNctId('NCT0001578239')).toBe('NCT01578239');
  });
});
