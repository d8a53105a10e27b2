/**
 * Typed failures of the registry client. Callers decide retry or dead letter from `kind` and `retryable`,
 * never from the message. Kinds are snake_case (`rate_limited` is what the queue layer pauses on).
 */
export abstract class CtgovError extends Error {
  abstract readonly kind: string;
  abstract readonly retryable: boolean;
}

/** 404 on /studies/{nctId}: the registry does not know the id. */
export class StudyNotFoundError extends CtgovError {
  override readonly name = 'StudyNotFoundError';
  readonly kind = 'not_found';
  readonly retryable = false;
  constructor(readonly nctId: string) {
    super(`study ${nctId} not found`);
  }
}

/** 400: the registry refused the parameters; `bodyText` is its text/plain explanation. */
export class BadRequestError extends CtgovError {
  override readonly name = 'BadRequestError';
  readonly kind = 'bad_request';
  readonly retryable = false;
  constructor(
    readonly url: string,
    readonly bodyText: string,
  ) {
    super(`bad request: ${bodyText.slice(0, 200)}`);
  }
}

/** 429. `retryAfterMs` comes from Retry-After when the registry sent it. */
export class RateLimitedError extends CtgovError {
  override readonly name = 'RateLimitedError';
  readonly kind = 'rate_limited';
  readonly retryable = true;
  constructor(
    readonly url: string,
    readonly retryAfterMs: number | null,
  ) {
    super(`rate limited${retryAfterMs === null ? '' : ` (retry after ${retryAfterMs} ms)`}`);
  }
}

/** 5xx. */
export class UpstreamError extends CtgovError {
  override readonly name = 'UpstreamError';
  readonly kind = 'upstream';
  readonly retryable = true;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly bodyText: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`upstream error ${status}`);
  }
}

/** Any other status the client does not expect (403, a redirect without Location, 404 on /studies...). */
export class UnexpectedStatusError extends CtgovError {
  override readonly name = 'UnexpectedStatusError';
  readonly kind = 'unexpected_status';
  readonly retryable = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly bodyText: string,
  ) {
    super(`unexpected status ${status}`);
  }
}

/** No response within the timeout. */
export class TimeoutError extends CtgovError {
  override readonly name = 'TimeoutError';
  readonly kind = 'timeout';
  readonly retryable = true;
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`no response within ${timeoutMs} ms`);
  }
}

/** The connection failed (refused, reset, DNS). */
export class NetworkError extends CtgovError {
  override readonly name = 'NetworkError';
  readonly kind = 'network';
  readonly retryable = true;
  constructor(
    readonly url: string,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(`network error${code === null ? '' : ` ${code}`}`, options);
  }
}

/** A 200 body that does not parse (truncated) or has the wrong shape; `bodyText` keeps what arrived. */
export class InvalidResponseError extends CtgovError {
  override readonly name = 'InvalidResponseError';
  readonly kind = 'invalid_response';
  readonly retryable = true;
  constructor(
    readonly url: string,
    readonly bodyText: string,
    readonly reason: string,
  ) {
    super(`invalid response body (${reason}, ${bodyText.length} characters)`);
  }
}

/** The pages ended before totalCount studies arrived: the load was silently truncated. */
export class IncompleteResultError extends CtgovError {
  override readonly name = 'IncompleteResultError';
  readonly kind = 'incomplete_result';
  readonly retryable = false;
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(`received ${received} studies of the ${expected} announced`);
  }
}

export type CtgovClientError =
  | StudyNotFoundError
  | BadRequestError
  | RateLimitedError
  | UpstreamError
  | UnexpectedStatusError
  | TimeoutError
  | NetworkError
  | InvalidResponseError
  | IncompleteResultError;
