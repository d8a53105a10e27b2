import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  asciiJson,
  decodeRawJson,
  decodeRawRecord,
  decodeRawText,
  encodeRawBytes,
  encodeRawRecord,
} from './records.repository.js';

describe('the raw archive format', () => {
  const record = {
    protocolSection: {
      identificationModule: { nctId: 'NCT01234567', briefTitle: 'Lutathera ≥ 7.4 GBq — “PRRT” in Zürich 😀' },
    },
    odd: ['\u0085', '\u00ff', 'plain'],
  };

  it('round-trips any JSON value, non-ASCII and astral characters included', () => {
    expect(decodeRawRecord(encodeRawRecord(record))).toEqual(record);
  });

  it('writes ASCII only, escaping what is not', () => {
    const json = asciiJson(record);
    expect(Buffer.from(json, 'utf8').length).toBe(json.length);
    expect(json).toContain('\\u2265');
    expect(JSON.parse(json)).toEqual(record);
  });

  it('leaves pure ASCII JSON as JSON.stringify writes it', () => {
    expect(asciiJson({ a: 'b', c: [1, 2] })).toBe(JSON.stringify({ a: 'b', c: [1, 2] }));
  });

  it('compresses a registry-sized record', () => {
    const big = {
      studies: Array.from({ length: 200 }, (_, index) => ({
        index,
        text: 'neuroendocrine tumour '.repeat(5),
      })),
    };
    expect(encodeRawRecord(big).length).toBeLessThan(JSON.stringify(big).length / 4);
  });

  it('keeps bytes exactly as served, and still reads the raw-deflate archives written before', () => {
    const served = Buffer.from('{ "a" : "Zürich ≥",\n  "b": [1.0, 2e3] }', 'utf8');
    expect(decodeRawJson(encodeRawBytes(served)).equals(served)).toBe(true);
    const older = deflateRawSync(served, { level: 1 });
    expect(decodeRawText(older)).toBe(served.toString('utf8'));
    expect(decodeRawRecord(older)).toEqual({ a: 'Zürich ≥', b: [1, 2000] });
  });
});
