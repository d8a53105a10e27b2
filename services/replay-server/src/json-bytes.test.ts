import { describe, expect, it } from 'vitest';
import { decodeView, jsonStringOfBytes, parseJsonBytes, reencode } from './json-bytes.js';

const record = { title: 'Sjögren ≥ 18 – “quoted”', plain: 'ascii', list: ['α', 'b'] };

describe('parseJsonBytes and decodeView', () => {
  it('reads UTF-8 JSON through its latin1 view and decodes string values back', () => {
    const { value, ascii } = parseJsonBytes(Buffer.from(JSON.stringify(record), 'utf8'));
    expect(ascii).toBe(false);
    const parsed = value as typeof record;
    expect(decodeView(parsed.title, ascii)).toBe(record.title);
    expect(decodeView(parsed.plain, ascii)).toBe('ascii');
  });

  it('keeps values that came from \\u escapes as they are', () => {
    const escaped = JSON.stringify(record).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const { value, ascii } = parseJsonBytes(Buffer.from(escaped, 'utf8'));
    expect(ascii).toBe(true);
    expect(decodeView((value as typeof record).title, ascii)).toBe(record.title);
  });

  it('gives undefined for bytes that are not JSON, and skips a byte order mark', () => {
    expect(parseJsonBytes(Buffer.from('{"a": ', 'utf8')).value).toBeUndefined();
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);
    expect(parseJsonBytes(bom).value).toEqual({ a: 1 });
  });
});

describe('reencode', () => {
  it('writes selected values back as the same UTF-8 text', () => {
    const source = Buffer.from(JSON.stringify(record), 'utf8');
    const out = reencode(source, parseJsonBytes(source).value, (value) => ({
      title: (value as typeof record).title,
    }));
    expect(JSON.parse(out.toString('utf8'))).toEqual({ title: record.title });
  });

  it('falls back to a real decode when the file mixes raw UTF-8 and \\u escapes above latin1', () => {
    const mixed = Buffer.from('{"a":"Sjögren","b":"\\u2265 18"}', 'utf8');
    const out = reencode(mixed, parseJsonBytes(mixed).value, (value) => value);
    expect(JSON.parse(out.toString('utf8'))).toEqual({ a: 'Sjögren', b: '≥ 18' });
  });
});

describe('jsonStringOfBytes', () => {
  it('makes a JSON string literal holding the exact text', () => {
    const text = '{"broken": "Sjögren ≥\n\t\\ "';
    const literal = jsonStringOfBytes(Buffer.from(text, 'utf8'));
    expect(JSON.parse(literal.toString('utf8'))).toBe(text);
  });
});
