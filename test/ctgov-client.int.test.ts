import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  createCtgovClient,
  IncompleteResultError,
  InvalidResponseError,
  NetworkError,
  StudyNotFoundError,
  TimeoutError,
  type CtgovClientOptions,
  type StudiesPage,
  type StudiesQuery,
} from '@trialwatch/ctgov-client';
import type { ReplayServer } from '@trialwatch/replay-server';
import { replayFixtures, rewriteRecord, tempCorpus, type RealRecord } from './support/replay-corpus.js';

const { sample, serve, cleanups, records: realRecords } = replayFixtures();

/** A fast client: the replay server is local, so no need to pace at the registry's 50 a minute. */
function client(server: ReplayServer, options: Partial<CtgovClientOptions> = {}) {
  return createCtgovClient({
    baseUrl: server.url,
    requestsPerMinute: 60_000,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    ...options,
  });
}

async function collect(pages: AsyncIterable<StudiesPage>): Promise<StudiesPage[]> {
  const all: StudiesPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const nctIdOf = (real: RealRecord) => real.record.protocolSection.identificationModule.nctId;
const allIds = () => realRecords().map(nctIdOf).sort();
const idsOf = (pages: StudiesPage[]) => pages.flatMap((page) => page.studies.map((study) => study.nctId));

describe('ctgov client against the replay server: paging', () => {
  it('pages one study at a time to the end, with totalCount equal to what arrived', async () => {
    const server = await serve({ pageSizeCap: 1 });
    const pages = await collect(client(server).iterateStudies({ pageSize: 1000 }));
    expect(pages).toHaveLength(realRecords().length);
    expect(pages[0]?.totalCount).toBe(realRecords().length);
    expect(pages.slice(1).every((page) => page.totalCount === null)).toBe(true);
    expect(pages.at(-1)?.nextPageToken).toBeNull();
    expect(idsOf(pages)).toEqual(allIds());
    expect(pages.every((page) => page.bytes > 0 && page.attempts === 1)).toBe(true);
  });

  it('gets every study through 429s and 503s at fault rate 0.3, counting the retries', async () => {
    const server = await serve({ pageSizeCap: 1, faultRate: 0.3, seed: 7 });
    const ctgov = client(server);
    const pages = await collect(ctgov.iterateStudies({ pageSize: 1000 }));
    expect(idsOf(pages)).toEqual(allIds());
    expect(server.stats.faults.rateLimited).toBeGreaterThan(0);
    expect(server.stats.faults.unavailable).toBeGreaterThan(0);
    const injected = server.stats.faults.rateLimited + server.stats.faults.unavailable;
    expect(ctgov.stats.retries).toBe(injected);
    expect(ctgov.stats.rateLimited).toBe(server.stats.faults.rateLimited);
    expect(ctgov.stats.serverErrors).toBe(server.stats.faults.unavailable);
    expect(ctgov.stats.requests).toBe(server.stats.requests);
    expect(pages.reduce((sum, page) => sum + page.attempts, 0)).toBe(ctgov.stats.requests);
  });

  it('gets every study through truncated bodies at truncate rate 0.3', async () => {
    const server = await serve({ pageSizeCap: 1, truncateRate: 0.3, seed: 4 });
    const ctgov = client(server);
    const pages = await collect(ctgov.iterateStudies({ pageSize: 1000 }));
    expect(idsOf(pages)).toEqual(allIds());
    expect(server.stats.faults.truncated).toBeGreaterThan(0);
    expect(ctgov.stats.invalidBodies).toBe(server.stats.faults.truncated);
    expect(ctgov.stats.retries).toBe(server.stats.faults.truncated);
  });

  it('throws IncompleteResultError when the registry stops paging early', async () => {
    const server = await serve({ stopPagingAfter: 4 });
    const pages: StudiesPage[] = [];
    const failure = await (async () => {
      for await (const page of client(server).iterateStudies({ pageSize: 3 })) pages.push(page);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IncompleteResultError);
    expect(failure).toMatchObject({ expected: realRecords().length, received: 4, retryable: false });
    expect(idsOf(pages)).toHaveLength(4);
  });

  it('does not check the total when countTotal is false', async () => {
    const server = await serve({ stopPagingAfter: 4 });
    const pages = await collect(client(server).iterateStudies({ pageSize: 3, countTotal: false }));
    expect(idsOf(pages)).toHaveLength(4);
  });
});

describe('ctgov client against the replay server: searches', () => {
  async function search(query: StudiesQuery): Promise<(string | null)[]> {
    const server = await serve();
    return idsOf(await collect(client(server).iterateStudies({ pageSize: 4, ...query })));
  }

  it('filters by ids', async () => {
    const wanted = allIds().filter((_, index) => index % 3 === 0);
    expect(await search({ filterIds: wanted })).toEqual(wanted);
  });

  it('filters by overall status', async () => {
    const status = sample().record.protocolSection.statusModule.overallStatus;
    const expected = realRecords()
      .filter((real) => real.record.protocolSection.statusModule.overallStatus === status)
      .map(nctIdOf)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await search({ filterOverallStatus: [status, 'WITHHELD'] })).toEqual(expected);
  });

  it('matches query.intr on intervention names, case-insensitively, with OR', async () => {
    const names = realRecords()
      .slice(0, 2)
      .map((real) => real.record.protocolSection.armsInterventionsModule?.interventions?.[0]?.name ?? '');
    const lowered = names.map((name) => name.toLowerCase());
    const expected = realRecords()
      .filter((real) =>
        (real.record.protocolSection.armsInterventionsModule?.interventions ?? []).some((item) =>
          lowered.some((name) => item.name.toLowerCase().includes(name)),
        ),
      )
      .map(nctIdOf)
      .sort();
    const found = await search({ queryIntr: names.map((name) => `"${name.toUpperCase()}"`).join(' OR ') });
    // query.intr also searches descriptions and arm groups, so it may find more than the names alone.
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it('selects a LastUpdatePostDate window, in filter.advanced or in query.term', async () => {
    const dates = realRecords()
      .map((real) => real.record.protocolSection.statusModule.lastUpdatePostDateStruct?.date ?? '')
      .sort();
    const from = dates[Math.floor(dates.length / 2)] ?? '';
    const expected = realRecords()
      .filter(
        (real) => (real.record.protocolSection.statusModule.lastUpdatePostDateStruct?.date ?? '') >= from,
      )
      .map(nctIdOf)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(realRecords().length);
    const window = `AREA[LastUpdatePostDate]RANGE[${from},MAX]`;
    expect(await search({ filterAdvanced: window })).toEqual(expected);
    expect(await search({ queryTerm: window })).toEqual(expected);
  });

  it('returns only the requested fields', async () => {
    const server = await serve();
    const page = await client(server).fetchStudiesPage({ fields: ['NCTId', 'OverallStatus'], pageSize: 2 });
    const first = realRecords().find((real) => nctIdOf(real) === allIds()[0]);
    const { bytes, layout, ...study } = page.studies[0] ?? { nctId: null, record: null };
    // The study's bytes as served (the raw archive) are the selected fields too, laid out member by member.
    expect(JSON.parse(bytes?.toString('utf8') ?? 'null')).toEqual(study.record);
    expect([...(layout?.members.keys() ?? [])]).toEqual(['protocolSection']);
    expect(study).toEqual({
      nctId: allIds()[0],
      record: {
        protocolSection: {
          identificationModule: { nctId: allIds()[0] },
          statusModule: { overallStatus: first?.record.protocolSection.statusModule.overallStatus },
        },
      },
    });
  });

  it('throws BadRequestError with the text body, without retrying', async () => {
    const server = await serve();
    const ctgov = client(server);
    const failure = await ctgov
      .fetchStudiesPage({ filterAdvanced: 'AREA[Phase]PHASE2' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BadRequestError);
    expect((failure as BadRequestError).bodyText).toContain('AREA[Phase]');
    expect(ctgov.stats.requests).toBe(1);
  });
});

describe('ctgov client against the replay server: one study, version, failures', () => {
  it('gets a study, and throws StudyNotFoundError on 404 without retrying', async () => {
    const server = await serve();
    const ctgov = client(server);
    const id = allIds()[0] ?? '';
    const study = await ctgov.getStudy(id);
    expect(study.nctId).toBe(id);
    expect(await ctgov.getStudy('NCT99999999').catch((error: unknown) => error)).toBeInstanceOf(
      StudyNotFoundError,
    );
    expect(ctgov.stats.requests).toBe(2);
  });

  it('follows a 301 alias and reads the canonical id from the body', async () => {
    const { dir, remove } = await tempCorpus();
    cleanups.push(remove);
    const source = sample();
    const moved = rewriteRecord(source.record, { nctId: 'NCT90000002', aliases: ['NCT80000002'] });
    await writeFile(path.join(dir, 'NCT90000002.json'), JSON.stringify(moved));
    const server = await serve({ dataDir: dir });
    const study = await client(server).getStudy('NCT80000002');
    expect(study.nctId).toBe('NCT90000002');
    expect(server.stats.redirects).toBe(1);
  });

  it('keeps a file that is not JSON: a string element of the page, InvalidResponseError with its text alone', async () => {
    const { dir, remove } = await tempCorpus();
    cleanups.push(remove);
    const broken = '{"protocolSection": {"identificationModule": {"nctId": "NCT00000003", "brief';
    await writeFile(path.join(dir, 'NCT00000003.json'), broken);
    await writeFile(
      path.join(dir, 'NCT00000004.json'),
      JSON.stringify(rewriteRecord(sample().record, { nctId: 'NCT00000004' })),
    );
    const server = await serve({ dataDir: dir });
    const ctgov = client(server, { maxRetries: 1 });
    const pages = await collect(ctgov.iterateStudies({}));
    expect(pages.flatMap((page) => page.studies).map((study) => study.nctId)).toEqual([null, 'NCT00000004']);
    expect(pages[0]?.studies[0]).toEqual({ nctId: null, record: broken, text: broken });
    const failure = await ctgov.getStudy('NCT00000003').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidResponseError);
    expect((failure as InvalidResponseError).bodyText).toBe(broken);
    expect(ctgov.stats.invalidBodies).toBe(2);
  });

  it('reads /version', async () => {
    const server = await serve({ dataTimestamp: '2026-09-04T09:00:06' });
    expect(await client(server).getVersion()).toEqual({
      apiVersion: '2.0.5',
      dataTimestamp: '2026-09-04T09:00:06',
    });
  });

  it('paces every request: 20 requests at 600 a minute take at least 1.9 s', async () => {
    const server = await serve();
    const ctgov = client(server, { requestsPerMinute: 600 });
    const started = performance.now();
    for (let i = 0; i < 20; i++) await ctgov.getVersion();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1880);
    expect(elapsed).toBeLessThan(4000);
  });

  it('honours Retry-After: after a 429 it waits at least the second asked, far above its backoff cap', async () => {
    const server = await serve({ faultRate: 1, seed: 3 });
    const retries: { kind: string; retryAfterMs: number | null; delayMs: number }[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (entry: object) => retries.push(entry as (typeof retries)[number]),
    };
    const ctgov = client(server, { maxRetries: 2, logger });
    const started = performance.now();
    const failure = await ctgov.getVersion().catch((error: unknown) => error);
    const elapsed = performance.now() - started;
    expect(failure).toMatchObject({ retryable: true });
    expect(ctgov.stats.requests).toBe(3);
    expect(ctgov.stats.retries).toBe(2);
    const afterRateLimit = retries.filter((retry) => retry.kind === 'rate_limited');
    expect(afterRateLimit.length).toBeGreaterThan(0);
    for (const retry of afterRateLimit) {
      expect(retry.retryAfterMs).toBe(1000);
      expect(retry.delayMs).toBeGreaterThanOrEqual(1000);
    }
    expect(elapsed).toBeGreaterThanOrEqual(afterRateLimit.length * 1000 - 20);
  });

  it('times out a slow answer and retries, then throws TimeoutError', async () => {
    const server = await serve({ delayMs: 400 });
    const ctgov = client(server, { timeoutMs: 100, maxRetries: 1 });
    expect(await ctgov.getVersion().catch((error: unknown) => error)).toBeInstanceOf(TimeoutError);
    expect(ctgov.stats.timeouts).toBe(2);
  });

  it('throws NetworkError when nothing listens', async () => {
    const server = await serve();
    const url = server.url;
    await server.close();
    const ctgov = createCtgovClient({
      baseUrl: url,
      requestsPerMinute: 60_000,
      maxRetries: 2,
      backoffBaseMs: 5,
    });
    expect(await ctgov.getVersion().catch((error: unknown) => error)).toBeInstanceOf(NetworkError);
    expect(ctgov.stats.networkErrors).toBe(3);
  });

  it('stops waiting when the signal aborts', async () => {
    const server = await serve({ delayMs: 2000 });
    const controller = new AbortController();
    const pending = client(server).getVersion(controller.signal);
    setTimeout(() => {
      controller.abort(new Error('shutting down'));
    }, 100);
    await expect(pending).rejects.toThrow('shutting down');
  });
});
