export { createCtgovClient } from './ctgov-client.js';
export type {
  ApiVersion,
  ClientLogger,
  ClientStats,
  CtgovClient,
  CtgovClientOptions,
  RawStudy,
  StudiesPage,
  StudiesQuery,
  StudyRecords,
} from './ctgov-client.types.js';
export type { MemberSpan, ObjectLayout } from './json-layout.js';
export {
  BadRequestError,
  CtgovError,
  IncompleteResultError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  StudyNotFoundError,
  TimeoutError,
  UnexpectedStatusError,
  UpstreamError,
  type CtgovClientError,
} from './ctgov-errors.js';
export { createIntervalPacer, sleep, type Pacer } from './interval-pacer.js';
export { computeBackoffMs, parseRetryAfter, retryDelayMs, type BackoffOptions } from './retry-delay.js';
export { MAX_PAGE_SIZE, clampPageSize, toStudiesParams } from './studies-params.js';
export { parseStudiesPage, parseStudy, servedJsonWithout, studyView, toRawStudy } from './parse-response.js';
