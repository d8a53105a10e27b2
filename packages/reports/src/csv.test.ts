import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';

describe('csvField (RFC 4180)', () => {
  it('leaves plain text alone and writes null and undefined as empty', () => {
    expect(csvField('RECRUITING')).toBe('RECRUITING');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
  });

  it('quotes commas, quotes, CR and LF, doubling the quotes', () => {
    expect(csvField('Korea, Republic of')).toBe('"Korea, Republic of"');
    expect(csvField('the "NETTER-1" trial')).toBe('"the ""NETTER-1"" trial"');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  it('joins lists with "; " and quotes the result when it needs it', () => {
    expect(csvField(['PHASE1', 'PHASE2'])).toBe('PHASE1; PHASE2');
    expect(csvField(['Korea, Republic of', 'Sweden'])).toBe('"Korea, Republic of; Sweden"');
    expect(csvField([])).toBe('');
  });

  it('ends each record with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });
});
