import {
  BadRequestError,
  CtgovError,
  IncompleteResultError,
  RateLimitedError,
  StudyNotFoundError,
  UnexpectedStatusError,
  UpstreamError,
} from './ctgov-errors.js';
import type {
  ClientStats,
  CtgovClient,
  CtgovClientOptions,
  StudiesPage,
  StudiesQuery,
} from './ctgov-client.types.js';
import { bodyText } from './decode-json.js';
import { createHttpAttempt, type HttpResponse } from './http-attempt.js';
import { createIntervalPacer, sleep } from './interval-pacer.js';
import { parseStudiesPage, parseStudy, parseVersion } from './parse-response.js';
import { parseRetryAfter, retryDelayMs } from './retry-delay.js';
import { toStudiesParams } from './studies-params.js';

const MAX_REDIRECTS = 5;
const noop = (): void => undefined;
const silent = { debug: noop, info: noop, warn: noop };

interface Outcome<T> {
  value: T;
  attempts: number;
  bytes: number;
}

/** The ClinicalTrials.gov API v2 client: pacing, retries with jittered backoff, typed errors, paging. */
export function createCtgovClient(options: CtgovClientOptions): CtgovClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 6;
  const backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 60_000 };
  const pacer = options.pacer ?? createIntervalPacer(options.requestsPerMinute ?? 50);
  const logger = options.logger ?? silent;
  const random = options.random ?? Math.random;
  const studyRecords = options.studyRecords ?? 'whole';
  const protocolModules = options.protocolModules && new Set(options.protocolModules);
  const attempt = createHttpAttempt({
    timeoutMs,
    userAgent: options.userAgent ?? 'TrialWatch/0.1 (ctgov-client)',
  });
  const stats: ClientStats = {
    requests: 0,
    retries: 0,
    rateLimited: 0,
    serverErrors: 0,
    timeouts: 0,
    networkErrors: 0,
    invalidBodies: 0,
  };

  /** GET with pacing, redirects, status → typed error, and retries of the retryable ones. */
  async function request<T>(
    firstUrl: string,
    interpret: (response: HttpResponse) => T,
    signal: AbortSignal | undefined,
  ): Promise<Outcome<T>> {
    let url = firstUrl;
    let redirects = 0;
    for (let attempts = 1; ; attempts++) {
      await pacer.acquire(signal);
      stats.requests++;
      try {
        const response = await attempt(url, signal);
        const location = response.header('location');
        if (
          response.status >= 300 &&
          response.status < 400 &&
          location !== null &&
          redirects < MAX_REDIRECTS
        ) {
          redirects++;
          url = new URL(location, url).href;
          logger.debug({ from: response.url, to: url, status: response.status }, 'ctgov redirect');
          attempts--; // a redirect is not a failed attempt
          continue;
        }
        const value = interpret(response);
        return { value, attempts, bytes: response.bytes.length };
      } catch (error) {
        if (!(error instanceof CtgovError)) throw error;
        count(error);
        if (!error.retryable || attempts > maxRetries) throw error;
        const retryAfterMs = retryAfterOf(error);
        const delayMs = retryDelayMs(attempts - 1, retryAfterMs, backoff, random);
        stats.retries++;
        logger.warn(
          { url, attempt: attempts, kind: error.kind, retryAfterMs, delayMs },
          'ctgov request failed, retrying',
        );
        await sleep(delayMs, signal);
      }
    }
  }

  function count(error: CtgovError): void {
    if (error.kind === 'rate_limited') stats.rateLimited++;
    else if (error.kind === 'upstream') stats.serverErrors++;
    else if (error.kind === 'timeout') stats.timeouts++;
    else if (error.kind === 'network') stats.networkErrors++;
    else if (error.kind === 'invalid_response') stats.invalidBodies++;
  }

  async function fetchStudiesPage(
    query: StudiesQuery,
    pageToken?: string | null,
    signal?: AbortSignal,
  ): Promise<StudiesPage> {
    const url = `${baseUrl}/studies?${toStudiesParams(query, pageToken).toString()}`;
    const outcome = await request(
      url,
      (response) => parseStudiesPage(url, expectOk(response), studyRecords, protocolModules),
      signal,
    );
    logger.debug(
      { studies: outcome.value.studies.length, attempts: outcome.attempts, bytes: outcome.bytes },
      'ctgov page fetched',
    );
    return { ...outcome.value, attempts: outcome.attempts, bytes: outcome.bytes };
  }

  async function* iterateStudies(query: StudiesQuery, signal?: AbortSignal): AsyncGenerator<StudiesPage> {
    let pageToken: string | null = null;
    let expected: number | null = null;
    let received = 0;
    let first = true;
    do {
      const page = await fetchStudiesPage(query, pageToken, signal);
      if (first) expected = page.totalCount;
      first = false;
      received += page.studies.length;
      yield page;
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
    if (expected !== null && received !== expected) throw new IncompleteResultError(expected, received);
  }

  return {
    fetchStudiesPage,
    iterateStudies,
    async getStudy(nctId, signal) {
      const url = `${baseUrl}/studies/${encodeURIComponent(nctId.trim())}?format=json`;
      const outcome = await request(
        url,
        (response) => {
          if (response.status === 404) throw new StudyNotFoundError(nctId);
          return parseStudy(response.url, expectOk(response), studyRecords, protocolModules);
        },
        signal,
      );
      return outcome.value;
    },
    async getVersion(signal) {
      const url = `${baseUrl}/version`;
      return (await request(url, (response) => parseVersion(url, expectOk(response)), signal)).value;
    },
    stats,
  };
}

/** The body of a 2xx response; any other status becomes its typed error (error bodies are text/plain). */
function expectOk(response: HttpResponse): Buffer {
  const { status, url } = response;
  if (status >= 200 && status < 300) return response.bytes;
  const text = bodyText(response.bytes);
  if (status === 400) throw new BadRequestError(url, text);
  if (status === 429)
    throw new RateLimitedError(url, parseRetryAfter(response.header('retry-after'), Date.now()));
  if (status >= 500) {
    throw new UpstreamError(url, status, text, parseRetryAfter(response.header('retry-after'), Date.now()));
  }
  throw new UnexpectedStatusError(url, status, text);
}

function retryAfterOf(error: CtgovError): number | null {
  return error instanceof RateLimitedError || error instanceof UpstreamError ? error.retryAfterMs : null;
}
