import { describe, expect, it } from 'vitest';
import { InvalidResponseError } from './ctgov-errors.js';
import { readRealRecords } from '../../../test/support/real-records.js';
import {
  parseStudiesPage,
  parseStudy,
  parseVersion,
  servedJsonWithout,
  toRawStudy,
} from './parse-response.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

const study = (nctId: string) => ({
  protocolSection: { identificationModule: { nctId, briefTitle: `Trial ${nctId}` } },
  hasResults: false,
});

describe('toRawStudy', () => {
  it('reads the nctId of an object study', () => {
    const record = study('NCT00000001');
    expect(toRawStudy(record)).toEqual({ nctId: 'NCT00000001', record });
  });

  it('keeps a string element as record and text, without an id', () => {
    expect(toRawStudy('{"protocolSection": tru')).toEqual({
      nctId: null,
      record: '{"protocolSection": tru',
      text: '{"protocolSection": tru',
    });
  });

  it('keeps an object without a readable id with its JSON text', () => {
    expect(toRawStudy({ protocolSection: {} })).toEqual({
      nctId: null,
      record: { protocolSection: {} },
      text: '{"protocolSection":{}}',
    });
    expect(toRawStudy(42)).toEqual({ nctId: null, record: 42, text: '42' });
  });
});

describe('parseStudiesPage', () => {
  it('reads studies, token and total', () => {
    const body = JSON.stringify({ studies: [study('NCT1'), 'raw'], nextPageToken: 'abc', totalCount: 7 });
    const page = parseStudiesPage('u', bytes(body));
    expect(page.nextPageToken).toBe('abc');
    expect(page.totalCount).toBe(7);
    expect(page.studies.map((raw) => raw.nctId)).toEqual(['NCT1', null]);
    expect(page.studies[1]?.text).toBe('raw');
  });

  it('gives null token and total on a last page without them', () => {
    const page = parseStudiesPage('u', bytes(JSON.stringify({ studies: [] })));
    expect(page).toEqual({ studies: [], nextPageToken: null, totalCount: null });
  });

  it('throws a retryable InvalidResponseError carrying a truncated body', () => {
    const body = JSON.stringify({ studies: [study('NCT1')] }).slice(0, 30);
    const error = catchError(() => parseStudiesPage('u', bytes(body)));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ kind: 'invalid_response', retryable: true, bodyText: body });
  });

  it('refuses JSON that is not a page', () => {
    expect(() => parseStudiesPage('u', bytes('{"studies":"no"}'))).toThrow(InvalidResponseError);
  });
});

describe('parseStudy and parseVersion', () => {
  it('returns a parsed study, and keeps the text of a body that is JSON but not a study', () => {
    expect(parseStudy('u', bytes(JSON.stringify(study('NCT9')))).nctId).toBe('NCT9');
    expect(parseStudy('u', bytes('[1, 2]'))).toEqual({ nctId: null, record: [1, 2], text: '[1, 2]' });
  });

  it('throws InvalidResponseError with the body text when the study does not parse', () => {
    expect(catchError(() => parseStudy('u', bytes('not json')))).toMatchObject({ bodyText: 'not json' });
  });

  it('reads the version body', () => {
    const body = '{"apiVersion":"2.0.5","dataTimestamp":"2026-09-04T09:00:06"}';
    expect(parseVersion('u', bytes(body))).toEqual({
      apiVersion: '2.0.5',
      dataTimestamp: '2026-09-04T09:00:06',
    });
    expect(() => parseVersion('u', bytes('{"apiVersion":2}'))).toThrow(InvalidResponseError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the bytes of each study, as served', () => {
  it('are cut out of the page, and parse back to the record; non-ASCII strings are decoded', () => {
    const first = { ...study('NCT00000001'), note: 'ASCII only' };
    const second = { ...study('NCT00000002'), note: 'Lu-177 ≥ 7.4 GBq, “PRRT”, Zürich' };
    const body = `\ufeff${JSON.stringify({ studies: [first, 'raw', second], nextPageToken: 'abc' }, null, 1)}`;
    const page = parseStudiesPage('u', bytes(body));
    expect(page.studies.map((raw) => raw.record)).toEqual([first, 'raw', second]);
    expect(page.studies[1]?.bytes).toBeUndefined();
    for (const [index, expected] of [first, second].entries()) {
      const served = page.studies[index * 2]?.bytes;
      expect(served).toBeDefined();
      expect(JSON.parse(served?.toString('utf8') ?? '')).toEqual(expected);
      expect(served?.toString('utf8')).toBe(JSON.stringify(expected, null, 1).replace(/\n/g, '\n  '));
    }
  });

  it('are the whole body for a single study', () => {
    const body = JSON.stringify({ ...study('NCT00000003'), note: 'é' });
    expect(parseStudy('u', bytes(`  ${body}\n`)).bytes?.toString('utf8')).toBe(body);
  });
});

describe("the protocol view ('protocol' records)", () => {
  const full = (nctId: string, extra: Record<string, unknown> = {}) => ({
    protocolSection: { identificationModule: { nctId }, note: 'Zürich ≥ 7.4 GBq' },
    resultsSection: { big: ['x'.repeat(50)] },
    derivedSection: { miscInfoModule: { versionHolder: '2026-11-01' } },
    hasResults: true,
    ...extra,
  });

  it('parses protocolSection and hasResults only; the bytes and layout hold the whole study', () => {
    const studies = [
      full('NCT00000001'),
      { ...full('NCT00000002'), resultsSection: null, hasResults: false },
    ];
    const body = JSON.stringify({ studies, nextPageToken: 'next', totalCount: 2 });
    const page = parseStudiesPage('u', bytes(body), 'protocol');
    expect(page.nextPageToken).toBe('next');
    expect(page.totalCount).toBe(2);
    expect(page.studies.map((raw) => raw.record)).toEqual([
      {
        protocolSection: studies[0]?.protocolSection,
        resultsSection: {},
        derivedSection: {},
        hasResults: true,
      },
      {
        protocolSection: studies[1]?.protocolSection,
        resultsSection: null,
        derivedSection: {},
        hasResults: false,
      },
    ]);
    expect(page.studies.every((raw) => raw.partial === true)).toBe(true);
    expect(page.studies.map((raw) => JSON.parse(raw.bytes?.toString('utf8') ?? '') as unknown)).toEqual(
      studies,
    );
  });

  it('parses whole what has no readable NCT id there, and refuses a body that is not JSON', () => {
    const body = JSON.stringify({ studies: [{ protocolSection: {} }, 'raw', full('NCT00000003')] });
    const page = parseStudiesPage('u', bytes(body), 'protocol');
    expect(page.studies.map((raw) => [raw.nctId, raw.partial ?? false])).toEqual([
      [null, false],
      [null, false],
      ['NCT00000003', true],
    ]);
    expect(page.studies[0]?.text).toBe('{"protocolSection":{}}');
    const broken = '{"studies":[{"protocolSection":{"identificationModule":{"nctId":tru}}}]}';
    expect(() => parseStudiesPage('u', bytes(broken), 'protocol')).toThrow(InvalidResponseError);
    expect(() => parseStudiesPage('u', bytes('{"studies":[{"a":1}'), 'protocol')).toThrow(
      InvalidResponseError,
    );
    expect(() => parseStudiesPage('u', bytes('{"studies":[],"totalCount":"x"}'), 'protocol')).toThrow(
      InvalidResponseError,
    );
  });

  it('is what parseStudy gives for /studies/{id}', () => {
    const record = full('NCT00000004');
    const raw = parseStudy('u', bytes(`${JSON.stringify(record, null, 2)}\n`), 'protocol');
    expect(raw).toMatchObject({ nctId: 'NCT00000004', partial: true });
    expect(JSON.parse(raw.bytes?.toString('utf8') ?? '')).toEqual(record);
  });
});

describe('servedJsonWithout', () => {
  it('gives the JSON.stringify of each real record without derivedSection, from its served bytes', () => {
    for (const { raw, text } of readRealRecords()) {
      const rest = { ...raw };
      delete rest.derivedSection;
      const expected = JSON.stringify(rest);
      for (const served of [text, JSON.stringify(raw)]) {
        for (const records of ['whole', 'protocol'] as const) {
          const study = parseStudy('u', bytes(served), records);
          expect(Buffer.concat(servedJsonWithout(study, 'derivedSection') ?? []).toString('utf8')).toBe(
            expected,
          );
        }
        const page = parseStudiesPage('u', bytes(`{"studies":[${served}]}`), 'protocol');
        const parts = page.studies[0] && servedJsonWithout(page.studies[0], 'derivedSection');
        expect(Buffer.concat(parts ?? []).toString('utf8')).toBe(expected);
      }
    }
  });

  it('is null without the bytes served', () => {
    expect(servedJsonWithout(toRawStudy(study('NCT00000005')), 'derivedSection')).toBeNull();
  });
});
