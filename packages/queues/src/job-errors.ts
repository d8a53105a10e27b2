/** A failure that retrying cannot fix (invalid input, a study that does not exist): dead-letter at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  constructor(
    message: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FailureClass =
  | { kind: 'permanent'; reason: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'retry'; reason: string };

interface TypedFailure {
  kind?: unknown;
  retryable?: unknown;
  retryAfterMs?: unknown;
}

/**
 * Decides retry, rate-limit pause or dead letter from the error's type and its declared properties
 * (the registry client's errors carry `kind` and `retryable`), never from its message.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof PermanentJobError) return { kind: 'permanent', reason: error.reason };
  if (error instanceof Error && error.name === 'ZodError')
    return { kind: 'permanent', reason: 'invalid_payload' };
  const typed = (typeof error === 'object' && error !== null ? error : {}) as TypedFailure;
  if (typed.kind === 'rate_limited') {
    const retryAfterMs =
      typeof typed.retryAfterMs === 'number' && typed.retryAfterMs > 0 ? typed.retryAfterMs : 30_000;
    return { kind: 'rate_limited', retryAfterMs };
  }
  if (typed.retryable === false) {
    return { kind: 'permanent', reason: typeof typed.kind === 'string' ? typed.kind : 'not_retryable' };
  }
  return { kind: 'retry', reason: typeof typed.kind === 'string' ? typed.kind : 'error' };
}
