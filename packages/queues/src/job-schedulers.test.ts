import { describe, expect, it } from 'vitest';
import { isCronPattern } from './job-schedulers.js';

describe('isCronPattern', () => {
  it('accepts 5- and 6-field patterns, the default among them', () => {
    for (const pattern of ['0 7 * * *', '30 6 * * 1-5', '0 0 7 * * *', '*/15 * * * *', '0 8 * * MON']) {
      expect(isCronPattern(pattern)).toBe(true);
    }
  });

  it('rejects times of day and other shapes', () => {
    for (const pattern of ['07:00', 'daily', '0 7 * *', '0 7 * * * * *', '0 7 * * ; rm']) {
      expect(isCronPattern(pattern)).toBe(false);
    }
  });
});
