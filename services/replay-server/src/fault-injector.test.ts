import { describe, expect, it } from 'vitest';
import { createFaultInjector, mulberry32 } from './fault-injector.js';

describe('createFaultInjector', () => {
  it('gives the same faults for the same seed', () => {
    const draw = (seed: number) => {
      const faults = createFaultInjector({ faultRate: 0.3, truncateRate: 0.3, seed });
      return Array.from({ length: 50 }, () => [faults.requestFault(), faults.truncation()?.(1000) ?? null]);
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('faults about the share asked, half 429 and half 503', () => {
    const faults = createFaultInjector({ faultRate: 0.3, truncateRate: 0, seed: 1 });
    const drawn = Array.from({ length: 10_000 }, () => faults.requestFault());
    const rateLimited = drawn.filter((fault) => fault === 'rate_limited').length;
    const unavailable = drawn.filter((fault) => fault === 'unavailable').length;
    expect((rateLimited + unavailable) / drawn.length).toBeGreaterThan(0.27);
    expect((rateLimited + unavailable) / drawn.length).toBeLessThan(0.33);
    expect(Math.abs(rateLimited - unavailable)).toBeLessThan(300);
  });

  it('never faults at rate 0 and cuts bodies strictly inside', () => {
    const faults = createFaultInjector({ faultRate: 0, truncateRate: 1, seed: 3 });
    for (let i = 0; i < 1000; i++) {
      expect(faults.requestFault()).toBeNull();
      const at = faults.truncation()?.(50);
      expect(at).toBeGreaterThanOrEqual(1);
      expect(at).toBeLessThanOrEqual(49);
    }
  });
});

describe('mulberry32', () => {
  it('stays in [0, 1)', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});
