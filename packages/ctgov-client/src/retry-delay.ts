export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: a uniform draw in [0, min(maxMs, baseMs·2^attempt)).
 * `attempt` counts from 0 (the delay before the first retry). `random` returns [0, 1).
 */
export function computeBackoffMs(
  attempt: number,
  { baseMs, maxMs }: BackoffOptions,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** The wait before a retry: the jittered backoff, but never less than what Retry-After asked for. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  options: BackoffOptions,
  random = Math.random,
): number {
  return Math.max(computeBackoffMs(attempt, options, random), retryAfterMs ?? 0);
}

/**
 * Retry-After as milliseconds: delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT").
 * A date in the past gives 0; a missing or unreadable header gives null.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
