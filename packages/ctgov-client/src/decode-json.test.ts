import { describe, expect, it } from 'vitest';
import { bodyText, parseJsonBytes } from './decode-json.js';

const record = {
  protocolSection: {
    identificationModule: {
      nctId: 'NCT00000001',
      briefTitle: 'Lu-177 – “DOTATATE” in Sjögren ≥ 18 y, 10 µg',
    },
    armsInterventionsModule: {
      interventions: [{ name: '¹⁷⁷Lu-DOTATATE', otherNames: ['Lutathera®', 'plain'] }],
    },
  },
  emoji: 'ok 👍',
  numbers: [1, 2.5, -3e-7],
  flags: [true, false, null],
};
const utf8 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const escapeNonAscii = (json: string) =>
  json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('parseJsonBytes', () => {
  it('reads UTF-8 text with non-ASCII characters exactly as JSON.parse of the decoded text does', () => {
    const bytes = utf8(record);
    expect(parseJsonBytes(bytes)).toEqual(JSON.parse(bytes.toString('utf8')));
    expect(parseJsonBytes(bytes)).toEqual(record);
  });

  it('keeps the key order', () => {
    const parsed = parseJsonBytes(utf8({ z: 'é', a: 'ü', m: 1 })) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['z', 'a', 'm']);
  });

  it('decodes non-ASCII keys too, in order', () => {
    const parsed = parseJsonBytes(utf8({ first: 1, größe: 'x', last: 2 })) as Record<string, unknown>;
    expect(Object.entries(parsed)).toEqual([
      ['first', 1],
      ['größe', 'x'],
      ['last', 2],
    ]);
  });

  it('reads bodies whose non-ASCII characters are \\u escapes, alone or mixed with raw UTF-8', () => {
    expect(parseJsonBytes(Buffer.from(escapeNonAscii(JSON.stringify(record)), 'utf8'))).toEqual(record);
    const mixed = Buffer.from('{"a":"Sjögren \\u2265 18","b":"caf\\u00e9 ≥"}', 'utf8');
    expect(parseJsonBytes(mixed)).toEqual({ a: 'Sjögren ≥ 18', b: 'café ≥' });
  });

  it('skips a byte order mark and throws on a truncated body', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8({ a: 'é' })]);
    expect(parseJsonBytes(bom)).toEqual({ a: 'é' });
    const truncated = utf8(record).subarray(0, 40);
    expect(() => parseJsonBytes(truncated)).toThrow(SyntaxError);
  });

  it('decodes a top-level string element', () => {
    expect(parseJsonBytes(utf8(['{"broken ≥', 'plain']))).toEqual(['{"broken ≥', 'plain']);
  });
});

describe('bodyText', () => {
  it('decodes the body as UTF-8 text', () => {
    expect(bodyText(Buffer.from('Invalid prefix in parameter name: query.cönd', 'utf8'))).toBe(
      'Invalid prefix in parameter name: query.cönd',
    );
  });
});
