import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createFaultInjector } from './fault-injector.js';
import { InvalidParameterError } from './invalid-parameter.error.js';
import { matchStudies } from './match-studies.js';
import { encodePageToken } from './page-token.js';
import { pageElement, readEntryFile, studiesPageChunks, studyBody } from './read-element.js';
import { sendJson, sendJsonChunks, sendText } from './http-replies.js';
import { formatDataTimestamp, ReplayServerOptions, type ReplayLogger } from './replay-options.schema.js';
import { parseFields } from './select-fields.js';
import {
  canonicalNctId,
  parseStudiesRequest,
  rejectUnknown,
  splitList,
  type StudiesRequest,
} from './studies-request.js';
import type { StudyEntry } from './study-entry.js';
import { createScratch } from './read-file.js';
import { openStudyIndex, type IndexSnapshot } from './study-index.js';

export const API_VERSION = '2.0.5';
const API_PREFIX = '/api/v2';
const STUDY_PARAMETERS = new Set(['format', 'markupFormat', 'fields']);
const RESULT_CACHE_SIZE = 16;

export interface ReplayStats {
  requests: number;
  faults: { rateLimited: number; unavailable: number; truncated: number; hung: number };
  pagesServed: number;
  studiesServed: number;
  studyBodiesServed: number;
  redirects: number;
  notFound: number;
  badRequests: number;
  /** Files in the current index (studies and files that are not studies). */
  indexedFiles: number;
  rescans: number;
  lastScanMs: number;
}

export interface ReplayServer {
  /** e.g. http://127.0.0.1:8787/api/v2 */
  url: string;
  port: number;
  close(): Promise<void>;
  readonly stats: Readonly<ReplayStats>;
}

/** Serves a folder of recorded studies through the ClinicalTrials.gov API v2 surface. */
export async function startReplayServer(input: ReplayServerOptions): Promise<ReplayServer> {
  const options = ReplayServerOptions.parse(input);
  const logger: ReplayLogger | undefined = options.logger;
  const index = await openStudyIndex(options.dataDir);
  const faults = createFaultInjector({
    faultRate: options.faultRate,
    truncateRate: options.truncateRate,
    hangRate: options.hangRate,
    seed: options.seed ?? Math.floor(Math.random() * 2 ** 31),
  });
  const stats: ReplayStats = {
    requests: 0,
    faults: { rateLimited: 0, unavailable: 0, truncated: 0, hung: 0 },
    pagesServed: 0,
    studiesServed: 0,
    studyBodiesServed: 0,
    redirects: 0,
    notFound: 0,
    badRequests: 0,
    indexedFiles: index.current().entries.length,
    rescans: 0,
    lastScanMs: index.current().scanMs,
  };
  const results = new Map<string, Promise<StudyEntry[]>>();

  async function refresh(): Promise<IndexSnapshot> {
    const before = index.current().generation;
    const snapshot = await index.refresh();
    if (snapshot.generation !== before) {
      stats.rescans++;
      stats.indexedFiles = snapshot.entries.length;
      stats.lastScanMs = snapshot.scanMs;
      results.clear();
      logger?.info(
        { files: snapshot.entries.length, read: snapshot.filesRead, ms: Math.round(snapshot.scanMs) },
        'rescanned',
      );
    }
    return snapshot;
  }

  /** The matches of one search, computed once per index generation (query.term reads files). */
  function matches(snapshot: IndexSnapshot, request: StudiesRequest): Promise<StudyEntry[]> {
    const key = `${snapshot.generation}:${request.fingerprint}`;
    let found = results.get(key);
    if (!found) {
      const scratch = createScratch();
      found = matchStudies(
        snapshot.entries,
        request,
        (entry) => readEntryFile(snapshot.dir, entry, scratch)?.bytes ?? null,
      );
      found.catch(() => results.delete(key));
      results.set(key, found);
      if (results.size > RESULT_CACHE_SIZE) results.delete(results.keys().next().value ?? key);
    }
    return found;
  }

  async function serveStudies(response: ServerResponse, params: URLSearchParams): Promise<void> {
    const request = parseStudiesRequest(params, options.pageSizeCap ?? null);
    const snapshot = await refresh();
    const matched = await matches(snapshot, request);
    const limit = Math.min(matched.length, options.stopPagingAfter ?? Number.POSITIVE_INFINITY);
    const start = Math.min(request.offset, limit);
    const end = Math.min(start + request.pageSize, limit);
    const tail = {
      nextPageToken: end < limit ? encodePageToken(end, request.fingerprint) : null,
      totalCount: request.countTotal && !params.has('pageToken') ? matched.length : null,
    };
    const scratch = createScratch();
    const readElement = (entry: StudyEntry): Buffer | null => {
      const read = readEntryFile(snapshot.dir, entry, scratch);
      if (read === null || read.changed) index.markStale();
      return read === null ? null : pageElement(read, entry, request.fields);
    };
    const chunks = studiesPageChunks(
      matched.slice(start, end),
      readElement,
      tail,
      () => stats.studiesServed++,
    );
    stats.pagesServed++;
    await sendOk(response, chunks);
  }

  async function serveStudy(
    response: ServerResponse,
    rawId: string,
    params: URLSearchParams,
    search: string,
  ) {
    rejectUnknown(params, STUDY_PARAMETERS);
    const fields = params.has('fields') ? parseFields(splitList(params.get('fields') ?? '', 'fields')) : null;
    const snapshot = await refresh();
    const id = rawId.toUpperCase();
    const known = /^NCT\d+$/.test(id) ? canonicalNctId(id) : id;
    const entry = snapshot.byId.get(id) ?? snapshot.byId.get(known);
    if (entry === undefined) {
      const canonical = snapshot.aliases.get(id) ?? snapshot.aliases.get(known);
      if (canonical !== undefined) {
        stats.redirects++;
        response.writeHead(301, {
          Location: `${API_PREFIX}/studies/${canonical}${search}`,
          'Content-Length': 0,
        });
        response.end();
        return;
      }
      stats.notFound++;
      sendText(response, 404, `Study not found: ${rawId}`);
      return;
    }
    const read = readEntryFile(snapshot.dir, entry);
    if (read === null) {
      index.markStale();
      stats.notFound++;
      sendText(response, 404, `Study not found: ${rawId}`);
      return;
    }
    if (read.changed) index.markStale();
    stats.studyBodiesServed++;
    await sendOk(response, [studyBody(read, fields)]);
  }

  /** A 200 JSON body; a truncation fault cuts it at a random point. */
  async function sendOk(
    response: ServerResponse,
    chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  ): Promise<void> {
    const cut = faults.truncation();
    if (cut !== null) stats.faults.truncated++;
    await sendJsonChunks(response, chunks, cut);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    stats.requests++;
    const url = new URL(request.url ?? '/', 'http://replay.local');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, `Method not allowed: ${request.method ?? ''}`);
      return;
    }
    if (url.pathname === '/__replay/stats') {
      sendJson(response, stats);
      return;
    }
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) {
      stats.notFound++;
      sendText(response, 404, `Not found: ${url.pathname}`);
      return;
    }
    if (options.delayMs > 0) await delay(options.delayMs);
    const fault = faults.requestFault();
    if (fault === 'hang') {
      stats.faults.hung++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.hangMs);
        response.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (!response.writableEnded && !response.destroyed)
        sendText(response, 503, 'Service Unavailable (hung)');
      return;
    }
    if (fault === 'rate_limited') {
      stats.faults.rateLimited++;
      sendText(response, 429, 'Too Many Requests', { 'Retry-After': '1' });
      return;
    }
    if (fault === 'unavailable') {
      stats.faults.unavailable++;
      sendText(response, 503, 'Service Unavailable');
      return;
    }
    const route = url.pathname.slice(API_PREFIX.length);
    const studyId = /^\/studies\/([^/]+)$/.exec(route)?.[1];
    if (route === '/studies') await serveStudies(response, url.searchParams);
    else if (route === '/version') await serveVersion(response);
    else if (studyId !== undefined && !['metadata', 'enums', 'search-areas'].includes(studyId)) {
      await serveStudy(response, decodeURIComponent(studyId), url.searchParams, url.search);
    } else {
      stats.notFound++;
      sendText(response, 404, `Not served by the replay server: ${url.pathname}`);
    }
  }

  async function serveVersion(response: ServerResponse): Promise<void> {
    const snapshot = await refresh();
    const dataTimestamp = options.dataTimestamp ?? formatDataTimestamp(snapshot.newestMtimeMs || Date.now());
    await sendOk(response, [Buffer.from(JSON.stringify({ apiVersion: API_VERSION, dataTimestamp }), 'utf8')]);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof InvalidParameterError) {
        stats.badRequests++;
        if (!response.headersSent) sendText(response, 400, error.message);
        else response.destroy();
        return;
      }
      logger?.error({ err: error, url: request.url }, 'replay request failed');
      if (!response.headersSent) sendText(response, 500, 'Internal replay server error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  logger?.info(
    { dir: options.dataDir, files: stats.indexedFiles, ms: Math.round(stats.lastScanMs), port },
    'listening',
  );
  return {
    url: `http://${host}:${port}${API_PREFIX}`,
    port,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}
