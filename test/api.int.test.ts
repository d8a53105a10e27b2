import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApiServer, type ApiServer } from '@trialwatch/api';
import { plantedChangesPath, type PlantedChange } from '@trialwatch/demo-data';
import { silentLogger } from '@trialwatch/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDemoNights, type DemoNights } from './support/demo-nights.js';

const TOKEN = 'api-test-token-0123456789';
const planted = JSON.parse(readFileSync(plantedChangesPath, 'utf8')) as PlantedChange[];

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface TrialItem {
  nctId: string;
  overallStatus: string;
  phases: string[];
  countries: string[];
  lastUpdatePostDate: string | null;
  prrt: { agents: string[]; combination: { categories: string[] } };
  cohorts: string[];
}
interface Listed {
  id?: string;
  nctId: string;
}
interface EventItem {
  id: string;
  nctId: string;
  type: string;
  from?: unknown;
  to?: unknown;
  kind?: string;
  detectedAt: string;
  runId: string;
}

describe('the read API on the demo data (two nights through the real pipeline)', () => {
  let demo: DemoNights;
  let server: ApiServer;
  let base: string;

  const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
    fetch(`${base}${path}`, { headers });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    return (await response.json()) as T;
  };
  async function all(path: string, limit: number): Promise<{ items: Listed[]; pages: number }> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page: Page<Listed> = await json<Page<Listed>>(
        `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    return { items, pages };
  }

  beforeAll(async () => {
    demo = await syncDemoNights();
    server = createApiServer({
      store: demo.pipeline.context.store,
      token: TOKEN,
      logger: silentLogger(),
      queues: demo.pipeline.context.queues,
    });
    base = (await server.listen(0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await server.close();
    await demo.close();
  });

  it('asks for the token everywhere but /health and /openapi.json', async () => {
    const none = await get('/trials', {});
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await none.json()).toMatchObject({ error: 'unauthorized' });
    expect((await get('/trials', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get('/trials', { authorization: TOKEN })).status).toBe(401);
    expect((await get('/trials')).status).toBe(200);
    const basic = Buffer.from(`analyst:${TOKEN}`).toString('base64');
    expect((await get('/trials', { authorization: `Basic ${basic}` })).status).toBe(200);
    for (const path of [
      '/events',
      '/runs',
      '/trials/NCT05387603',
      '/cohorts/prrt/table',
      '/admin/queues',
      '/nowhere',
    ]) {
      expect((await get(path, {})).status, path).toBe(401);
    }
    expect((await get('/health', {})).status).toBe(200);
    expect(await (await get('/health', {})).json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await get('/openapi.json', {})).status).toBe(200);
  });

  it('serves an OpenAPI 3 document that validates and names exactly the routes the server has', async () => {
    const document = (await (await get('/openapi.json', {})).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const served = [
      ...new Set(
        server.app.routes
          .filter(
            (route) =>
              route.method !== 'ALL' &&
              !route.path.startsWith('/admin/queues') &&
              route.path !== '/openapi.json',
          )
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
      ),
    ].sort();
    expect(documented).toEqual(served);
    expect(documented).toEqual(
      [
        '/cohorts/{name}/table',
        '/events',
        '/health',
        '/runs',
        '/trials',
        '/trials/{nctId}',
        '/trials/{nctId}/history',
      ].map((path) => `GET ${path}`),
    );
  });

  it('pages through every trial by cursor, each once, in NCT order', async () => {
    const { items, pages } = await all('/trials', 5);
    const ids = items.map((item) => item.nctId);
    expect(ids).toHaveLength(24);
    expect(new Set(ids).size).toBe(24);
    expect([...ids].sort()).toEqual(ids);
    expect(pages).toBe(5);
    const cohort = await json<Page<TrialItem>>('/trials?cohort=prrt&limit=500');
    expect(cohort.items.every((item) => item.cohorts.includes('prrt'))).toBe(true);
    expect((await json<Page<TrialItem>>('/trials?cohort=elsewhere')).items).toEqual([]);
  });

  it('filters trials by status, category, agent, phase, country, updatedSince and changedSince', async () => {
    const recruiting = (await json<Page<TrialItem>>('/trials?status=RECRUITING&limit=500')).items;
    expect(recruiting.map((item) => item.nctId)).toContain('NCT05387603');
    expect(recruiting.every((item) => item.overallStatus === 'RECRUITING')).toBe(true);
    const closed = (await json<Page<TrialItem>>('/trials?status=COMPLETED,TERMINATED')).items.map(
      (item) => item.nctId,
    );
    expect(closed).toEqual(expect.arrayContaining(['NCT05249114', 'NCT04375267', 'NCT04543955']));
    const double = (await json<Page<TrialItem>>('/trials?category=double-prrt')).items;
    expect(double.map((item) => item.nctId).sort()).toEqual(['NCT03044977', 'NCT04614766']);
    expect(
      (await json<Page<TrialItem>>('/trials?agent=ac225-dotatate')).items.map((item) => item.nctId),
    ).toEqual(['NCT05477576']);
    const phase3 = (await json<Page<TrialItem>>('/trials?phase=PHASE3')).items;
    expect(phase3.map((item) => item.nctId)).toEqual(expect.arrayContaining(['NCT05387603', 'NCT01578239']));
    expect(phase3.every((item) => item.phases.includes('PHASE3'))).toBe(true);
    const italy = (await json<Page<TrialItem>>('/trials?country=Italy')).items.map((item) => item.nctId);
    expect(italy).toEqual(expect.arrayContaining(['NCT02736448', 'NCT04385992', 'NCT05477576']));
    const recent = (await json<Page<TrialItem>>('/trials?updatedSince=2025-01-01&limit=500')).items;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((item) => (item.lastUpdatePostDate ?? '') >= '2025-01-01')).toBe(true);
    expect(recent.map((item) => item.nctId)).toContain('NCT05249114');
    const changed = (
      await json<Page<TrialItem>>(`/trials?changedSince=${demo.night2.startedAt.toISOString()}&limit=500`)
    ).items;
    expect(changed.map((item) => item.nctId).sort()).toEqual(
      [...new Set(planted.map((change) => change.nctId))].sort(),
    );
  });

  it('answers 400 with a message naming a bad parameter', async () => {
    for (const [path, name] of [
      ['/trials?status=RECRUITNG', 'status'],
      ['/trials?category=surgery', 'category'],
      ['/trials?limit=0', 'limit'],
      ['/trials?limit=lots', 'limit'],
      ['/trials?updatedSince=2025-13', 'updatedSince'],
      ['/trials?cursor=not-a-cursor', 'cursor'],
      ['/trials?sort=name', 'sort'],
      ['/events?type=bogus', 'type'],
      ['/events?nct=NCT1', 'nct'],
      ['/events?since=yesterday', 'since'],
      ['/runs?status=sleeping', 'status'],
      ['/cohorts/PRRT!/table', 'name'],
      ['/cohorts/prrt/table?format=pdf', 'format'],
      ['/trials/NCT123', 'nctId'],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error, path).toBe('bad_request');
      expect(body.message, path).toContain(name);
    }
  });

  it('gives a trial now with its versions, and its history with events', async () => {
    const detail = await json<{ trial: { overallStatus: string }; versions: unknown[]; versionId: string }>(
      '/trials/nct05387603',
    );
    expect(detail.trial.overallStatus).toBe('RECRUITING');
    expect(detail.versions).toHaveLength(2);
    const missing = await get('/trials/NCT00000000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    const history = await json<{
      versions: { current: boolean; trial: { overallStatus: string } }[];
      events: EventItem[];
    }>('/trials/NCT05387603/history');
    expect(history.versions.map((version) => [version.trial.overallStatus, version.current])).toEqual([
      ['NOT_YET_RECRUITING', false],
      ['RECRUITING', true],
    ]);
    expect(history.events).toContainEqual(
      expect.objectContaining({ type: 'status_changed', from: 'NOT_YET_RECRUITING', to: 'RECRUITING' }),
    );
  });

  it('lists events with the filters of `changes`, by cursor', async () => {
    const statusChanges = (await json<Page<EventItem>>('/events?type=status_changed&limit=1000')).items;
    const plantedStatus = planted
      .filter((change) => change.type === 'status_changed')
      .map((change) => `${change.nctId} ${String(change.from)}→${String(change.to)}`);
    expect(
      statusChanges.map((event) => `${event.nctId} ${String(event.from)}→${String(event.to)}`).sort(),
    ).toEqual(plantedStatus.sort());
    const { items } = await all('/events', 7);
    expect(items).toHaveLength(await demo.pipeline.context.store.events.count());
    expect(new Set(items.map((event) => event.id)).size).toBe(items.length);
    const slips = (await json<Page<EventItem>>('/events?nct=NCT05053854&type=date_changed')).items;
    expect(slips.map((event) => event.kind)).toEqual(['slip', 'slip']);
    const since = demo.night2.startedAt.toISOString();
    const recent = (await json<Page<EventItem>>(`/events?since=${since}&limit=1000`)).items;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((event) => event.detectedAt >= since)).toBe(true);
    const night2 = (await json<Page<EventItem>>(`/events?runId=${demo.night2._id}&cohort=prrt&limit=1000`))
      .items;
    expect(night2.every((event) => event.runId === demo.night2._id)).toBe(true);
    expect(night2.length).toBe(recent.length);
  });

  it('lists runs newest first', async () => {
    const runs = await json<{ items: { id: string; status: string }[] }>('/runs');
    expect(runs.items.map((run) => run.id)).toEqual([demo.night2._id, demo.night1._id]);
    expect(
      (await json<{ items: { id: string }[] }>('/runs?cohort=prrt&limit=1')).items.map((run) => run.id),
    ).toEqual([demo.night2._id]);
    expect((await json<{ items: unknown[] }>('/runs?status=failed')).items).toEqual([]);
  });

  it('serves the live table as HTML or JSON, and 404 for an unknown cohort', async () => {
    const page = await get('/cohorts/prrt/table', { authorization: `Bearer ${TOKEN}`, accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await page.text();
    expect(text).toContain('<svg');
    expect(text).not.toMatch(/<script/i);
    const model = (await (
      await get('/cohorts/prrt/table', { authorization: `Bearer ${TOKEN}`, accept: 'application/json' })
    ).json()) as {
      sections: {
        id: string;
        rows: { nctId: string; status: string | null; published: { statusAsPublished: string } | null }[];
      }[];
    };
    const baseline = model.sections.find((section) => section.id === 'baseline');
    expect(baseline?.rows).toHaveLength(19);
    expect(baseline?.rows.every((row) => row.status !== null && row.published !== null)).toBe(true);
    const bare = await json<{ baseline: unknown; sections: { id: string }[] }>(
      '/cohorts/prrt/table?format=json&baseline=missing',
    );
    expect(bare.baseline).toBeNull();
    expect(bare.sections.map((section) => section.id)).toEqual(['combinations', 'others']);
    const unknown = await get('/cohorts/nothing/table');
    expect(unknown.status).toBe(404);
  });

  it('mounts the queue dashboard behind the token', async () => {
    const dashboard = await get('/admin/queues');
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('TrialWatch queues');
    const queues = await get('/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.length).toBeGreaterThan(0);
  });
});
