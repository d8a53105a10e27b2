import { createRoute } from '@hono/zod-openapi';
import type { SyncRunDoc } from '@trialwatch/store';
import { errorResponses, jsonContent, type ApiApp, type ApiDeps } from '../api-app.js';
import { RunsList, RunsQuery } from '../api-schemas.js';

const listRuns = createRoute({
  method: 'get',
  path: '/runs',
  summary: 'Sync runs, newest first',
  request: { query: RunsQuery },
  responses: { 200: jsonContent(RunsList, 'the runs'), ...errorResponses },
});

function runView(run: SyncRunDoc) {
  return {
    id: run._id,
    scope: run.scope,
    cohort: run.cohort,
    mode: run.mode,
    trigger: run.trigger,
    status: run.status,
    windowFrom: run.windowFrom,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    dataTimestamp: run.dataTimestamp,
    dataTimestampStale: run.dataTimestampStale,
    summary: run.summary as Record<string, unknown> | null,
  };
}

export function registerRunRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(listRuns, async (c) => {
    const query = c.req.valid('query');
    const runs = await deps.store.runs
      .list({
        ...(query.cohort ? { scope: `cohort-${query.cohort}` } : {}),
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit,
      })
      .toArray();
    return c.json({ items: runs.map(runView) }, 200);
  });
}
