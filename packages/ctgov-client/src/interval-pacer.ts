/** Spaces requests out; every request (retries included) waits on it first. */
export interface Pacer {
  acquire(signal?: AbortSignal): Promise<void>;
}

/**
 * An in-process pacer that keeps at least 60000/requestsPerMinute ms between the starts of two requests.
 * Slots are handed out in call order, so concurrent callers queue up rather than burst.
 */
export function createIntervalPacer(requestsPerMinute: number, now: () => number = Date.now): Pacer {
  if (!(requestsPerMinute > 0)) throw new RangeError('requestsPerMinute must be positive');
  const intervalMs = 60_000 / requestsPerMinute;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const current = now();
      const slot = Math.max(current, nextSlot);
      nextSlot = slot + intervalMs;
      await sleep(slot - current, signal);
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    signal?.throwIfAborted();
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}
