import type { Pacer } from './interval-pacer.js';
import type { ObjectLayout } from './json-layout.js';

/** A /studies search; each field maps to the API parameter of the same meaning (see toStudiesParams). */
export interface StudiesQuery {
  queryTerm?: string;
  queryIntr?: string;
  queryCond?: string;
  queryTitles?: string;
  querySpons?: string;
  filterIds?: readonly string[];
  filterOverallStatus?: readonly string[];
  filterAdvanced?: string;
  fields?: readonly string[];
  /** Clamped to 1..1000. */
  pageSize?: number;
  /** Defaults to true: totalCount on the first page is what iterateStudies checks the load against. */
  countTotal?: boolean;
}

/** One element of a /studies page, or the body of /studies/{nctId}. */
export interface RawStudy {
  /** protocolSection.identificationModule.nctId when readable. */
  nctId: string | null;
  /** The parsed element as served: an object for a normal study; may be anything. */
  record: unknown;
  /** The raw text when the element could not be used as a study (a string element, an unparseable body). */
  text?: string;
  /** A readable study's bytes exactly as served (UTF-8 JSON), when the page could be split without parsing. */
  bytes?: Buffer;
  /** With `bytes`: where the study's top-level members sit in them (offsets into `bytes`). */
  layout?: ObjectLayout;
  /**
   * Set when `record` is the protocol view (the client's `studyRecords: 'protocol'`): protocolSection and
   * hasResults parsed, every other top-level member present but unparsed (`{}`, or `null` when served
   * null). `bytes` holds the whole study.
   */
  partial?: true;
}

/**
 * What a study's `record` holds. `whole`: the parsed study. `protocol`: only what the pipeline reads
 * (see RawStudy.partial): parsing a registry record costs more than anything else done with it, and most
 * of a record with results is its resultsSection.
 */
export type StudyRecords = 'whole' | 'protocol';

export interface StudiesPage {
  studies: RawStudy[];
  nextPageToken: string | null;
  totalCount: number | null;
  /** HTTP attempts this page took (1 when the first one succeeded). */
  attempts: number;
  /** Bytes of the body that was used. */
  bytes: number;
}

export interface ApiVersion {
  apiVersion: string;
  dataTimestamp: string;
}

export interface ClientStats {
  requests: number;
  retries: number;
  rateLimited: number;
  serverErrors: number;
  timeouts: number;
  networkErrors: number;
  invalidBodies: number;
}

export interface CtgovClient {
  fetchStudiesPage(
    query: StudiesQuery,
    pageToken?: string | null,
    signal?: AbortSignal,
  ): Promise<StudiesPage>;
  /** Follows tokens to the end, then checks received == totalCount (IncompleteResultError otherwise). */
  iterateStudies(query: StudiesQuery, signal?: AbortSignal): AsyncIterable<StudiesPage>;
  /** 404 → StudyNotFoundError; a 301 alias is followed and the canonical id read from the body. */
  getStudy(nctId: string, signal?: AbortSignal): Promise<RawStudy>;
  getVersion(signal?: AbortSignal): Promise<ApiVersion>;
  readonly stats: Readonly<ClientStats>;
}

/** What the client logs through: a pino Logger fits. */
export interface ClientLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface CtgovClientOptions {
  /** e.g. https://clinicaltrials.gov/api/v2 */
  baseUrl: string;
  /** Default 50; ignored when `pacer` is given. */
  requestsPerMinute?: number;
  /** Default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt, on retryable errors only. Default 6. */
  maxRetries?: number;
  /** Default 500. */
  backoffBaseMs?: number;
  /** Default 60000. */
  backoffMaxMs?: number;
  /** Shared pacing (e.g. one per process or a distributed one); default createIntervalPacer(requestsPerMinute). */
  pacer?: Pacer;
  logger?: ClientLogger;
  userAgent?: string;
  /** Source of jitter, for tests. Default Math.random. */
  random?: () => number;
  /** Default 'whole'. */
  studyRecords?: StudyRecords;
  /**
   * With studyRecords 'protocol': the modules of protocolSection to parse; the others are present as `{}`
   * (or `null`). Default: all of them.
   */
  protocolModules?: readonly string[];
}
