import { describe, expect, it } from 'vitest';
import { computeBackoffMs, parseRetryAfter, retryDelayMs } from './retry-delay.js';

const options = { baseMs: 500, maxMs: 60_000 };

describe('computeBackoffMs', () => {
  it('stays within [0, base·2^attempt) with full jitter', () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const ceiling = 500 * 2 ** attempt;
      expect(computeBackoffMs(attempt, options, () => 0)).toBe(0);
      expect(computeBackoffMs(attempt, options, () => 0.999999)).toBe(Math.floor(0.999999 * ceiling));
      expect(computeBackoffMs(attempt, options, () => 0.999999)).toBeLessThan(ceiling);
    }
  });

  it('is capped at maxMs however many attempts were made', () => {
    expect(computeBackoffMs(30, options, () => 0.999999)).toBeLessThan(60_000);
    expect(computeBackoffMs(30, options, () => 0.5)).toBe(30_000);
  });

  it('spreads real jitter over the whole window', () => {
    const draws = Array.from({ length: 2000 }, () => computeBackoffMs(3, options));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(4000);
    // Full jitter, not "equal jitter": draws land in the lower half too.
    expect(draws.filter((draw) => draw < 2000).length).toBeGreaterThan(500);
    expect(draws.filter((draw) => draw >= 2000).length).toBeGreaterThan(500);
  });
});

describe('retryDelayMs', () => {
  it('never waits less than Retry-After', () => {
    expect(retryDelayMs(0, 1000, options, () => 0.9)).toBe(1000);
    expect(retryDelayMs(5, 1000, options, () => 0.9)).toBe(Math.floor(0.9 * 16_000));
    expect(retryDelayMs(0, 90_000, options, () => 0.9)).toBe(90_000);
  });

  it('uses the backoff alone when there is no Retry-After', () => {
    expect(retryDelayMs(2, null, options, () => 0.5)).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives null for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
