import { describe, expect, it } from 'vitest';
import { previousUtcDay, utcDayBounds } from './digest-day.js';

describe('digest days', () => {
  it('a scheduled digest reports the UTC day before it runs, across month and year ends', () => {
    expect(previousUtcDay(new Date('2026-11-27T07:00:00Z'))).toBe('2026-11-26');
    expect(previousUtcDay(new Date('2026-03-01T00:30:00Z'))).toBe('2026-02-28');
    expect(previousUtcDay(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31');
  });

  it('a day is the half-open UTC interval [00:00, next 00:00)', () => {
    const { start, end } = utcDayBounds('2024-02-28');
    expect(start.toISOString()).toBe('2024-02-28T00:00:00.000Z');
    expect(end.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('rejects what is not a calendar day', () => {
    expect(() => utcDayBounds('2026-02-30')).toThrow(RangeError);
    expect(() => utcDayBounds('2026-2-3')).toThrow(RangeError);
  });
});
