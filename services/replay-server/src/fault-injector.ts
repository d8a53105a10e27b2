export type RequestFault = 'rate_limited' | 'unavailable' | 'hang';

export interface FaultInjector {
  /** Whether this request hangs (no answer: the client times out), is answered 429 or 503 (half each), or is served. */
  requestFault(): RequestFault | null;
  /** For a 200 body: null to send it whole, or a function telling where to cut a body of `length` bytes. */
  truncation(): ((length: number) => number) | null;
}

export interface FaultOptions {
  faultRate: number;
  truncateRate: number;
  /** Share of requests left without an answer (a timeout for the client). */
  hangRate?: number;
  seed: number;
}

/** Faults drawn from one seeded stream: the same seed and the same request order give the same faults. */
export function createFaultInjector({
  faultRate,
  truncateRate,
  hangRate = 0,
  seed,
}: FaultOptions): FaultInjector {
  const random = mulberry32(seed);
  return {
    requestFault() {
      // Drawn only when hanging is asked for, so that the other faults of a seed stay as they were.
      if (hangRate > 0 && random() < hangRate) return 'hang';
      if (faultRate <= 0 || random() >= faultRate) return null;
      return random() < 0.5 ? 'rate_limited' : 'unavailable';
    },
    truncation() {
      if (truncateRate <= 0 || random() >= truncateRate) return null;
      const at = random();
      return (length) => Math.max(1, Math.min(length - 1, Math.floor(at * length)));
    },
  };
}

/** A small, fast, seedable PRNG returning [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
