import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from './invalid-parameter.error.js';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token.js';

describe('page tokens', () => {
  const fingerprint = queryFingerprint(new URLSearchParams('query.intr=everolimus&format=json'));

  it('round-trips the offset under the same parameters', () => {
    for (const offset of [0, 1, 999, 123_456]) {
      const token = encodePageToken(offset, fingerprint);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodePageToken(token, fingerprint)).toBe(offset);
    }
  });

  it('ignores the paging parameters and the parameter order in the fingerprint', () => {
    const later = new URLSearchParams(
      'format=json&pageSize=5&pageToken=abc&countTotal=true&query.intr=everolimus',
    );
    expect(queryFingerprint(later)).toBe(fingerprint);
  });

  it('refuses a token used with other search parameters', () => {
    const token = encodePageToken(10, fingerprint);
    const other = queryFingerprint(new URLSearchParams('query.intr=sunitinib&format=json'));
    expect(other).not.toBe(fingerprint);
    expect(() => decodePageToken(token, other)).toThrow(InvalidParameterError);
  });

  it('refuses a malformed token', () => {
    expect(() => decodePageToken('not a token!', fingerprint)).toThrow(InvalidParameterError);
    expect(() => decodePageToken(Buffer.from('x.y').toString('base64url'), fingerprint)).toThrow(
      InvalidParameterError,
    );
  });
});
