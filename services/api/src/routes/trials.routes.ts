import { createRoute } from '@hono/zod-openapi';
import { trialsExport } from '@trialwatch/reports';
import { toEventView, type TrialDoc, type TrialsRepository } from '@trialwatch/store';
import {
  ApiError,
  errorResponses,
  jsonContent,
  notFoundResponse,
  type ApiApp,
  type ApiDeps,
} from '../api-app.js';
import { NctParam, TrialDetail, TrialHistory, TrialsPage, TrialsQuery } from '../api-schemas.js';
import { trialsCursor } from '../cursor.js';

type TrialFilter = Parameters<TrialsRepository['find']>[0];

/** Query parameters → a filter on the trials collection (each one scans: FerretDB indexes only `_id`). */
export function trialFilter(query: TrialsQuery, after: string | null): TrialFilter {
  const filter: Record<string, unknown> = {};
  if (query.cohort) filter.cohorts = query.cohort;
  if (query.status) filter['trial.overallStatus'] = { $in: query.status };
  if (query.category) filter['trial.prrt.combination.categories'] = { $in: query.category };
  if (query.agent) filter['trial.prrt.agents'] = { $in: query.agent };
  if (query.phase) filter['trial.phases'] = { $in: query.phase };
  if (query.country) filter['trial.countries'] = query.country;
  if (query.updatedSince) filter['trial.lastUpdatePostDate'] = { $gte: query.updatedSince };
  if (query.changedSince) filter.lastChangedAt = { $gte: query.changedSince };
  if (after !== null) filter._id = { $gt: after };
  return filter;
}

const listTrials = createRoute({
  method: 'get',
  path: '/trials',
  summary: 'Trials now, filtered, in NCT id order',
  request: { query: TrialsQuery },
  responses: { 200: jsonContent(TrialsPage, 'one page of trials'), ...errorResponses },
});

const getTrial = createRoute({
  method: 'get',
  path: '/trials/{nctId}',
  summary: 'A trial now, with the list of its versions',
  request: { params: NctParam },
  responses: { 200: jsonContent(TrialDetail, 'the trial'), ...errorResponses, ...notFoundResponse },
});

const trialHistory = createRoute({
  method: 'get',
  path: '/trials/{nctId}/history',
  summary: 'Every version of a trial (oldest first) and every event detected on it',
  request: { params: NctParam },
  responses: { 200: jsonContent(TrialHistory, 'the history'), ...errorResponses, ...notFoundResponse },
});

async function requireTrial(deps: ApiDeps, nctId: string): Promise<TrialDoc> {
  const doc = await deps.store.trials.get(nctId);
  if (!doc) throw new ApiError(404, 'not_found', `${nctId} is not in the store`);
  return doc;
}

export function registerTrialRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(listTrials, async (c) => {
    const query = c.req.valid('query');
    const after = query.cursor === undefined ? null : trialsCursor.decode(query.cursor);
    const docs = await deps.store.trials
      .find(trialFilter(query, after), { limit: query.limit + 1 })
      .toArray();
    const page = docs.slice(0, query.limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map((doc) => trialsExport.toRecord(doc)),
        nextCursor: docs.length > query.limit && last ? trialsCursor.encode(last._id) : null,
      },
      200,
    );
  });

  app.openapi(getTrial, async (c) => {
    const doc = await requireTrial(deps, c.req.valid('param').nctId);
    return c.json(
      {
        nctId: doc._id,
        trial: doc.trial,
        versionId: doc.versionId,
        firstSeenAt: doc.firstSeenAt.toISOString(),
        lastChangedAt: doc.lastChangedAt.toISOString(),
        cohorts: doc.cohorts,
        removed: doc.removed,
        removedAt: doc.removedAt?.toISOString() ?? null,
        versions: doc.versions.map((ref) => ({ ...ref, detectedAt: ref.detectedAt.toISOString() })),
      },
      200,
    );
  });

  app.openapi(trialHistory, async (c) => {
    const doc = await requireTrial(deps, c.req.valid('param').nctId);
    const versions = await deps.store.versions.byIds(doc.versions.map((ref) => ref.id));
    const events = await deps.store.events.find({ nctId: doc._id }).toArray();
    return c.json(
      {
        nctId: doc._id,
        versions: doc.versions.map((ref) => ({
          versionId: ref.id,
          previousId: ref.previousId,
          detectedAt: ref.detectedAt.toISOString(),
          runId: ref.runId,
          lastUpdatePostDate: ref.lastUpdatePostDate,
          current: ref.id === doc.versionId && !doc.removed,
          trial: versions.get(ref.id)?.trial ?? null,
        })),
        events: events.map(toEventView),
      },
      200,
    );
  });
}
