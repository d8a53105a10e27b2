import { createRoute } from '@hono/zod-openapi';
import { toEventView } from '@trialwatch/store';
import { errorResponses, jsonContent, type ApiApp, type ApiDeps } from '../api-app.js';
import { EventsPage, EventsQuery } from '../api-schemas.js';
import { eventsCursor } from '../cursor.js';

const listEvents = createRoute({
  method: 'get',
  path: '/events',
  summary: 'Detected changes, oldest first (the filters of `trialwatch changes`)',
  request: { query: EventsQuery },
  responses: { 200: jsonContent(EventsPage, 'one page of events'), ...errorResponses },
});

export function registerEventRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(listEvents, async (c) => {
    const query = c.req.valid('query');
    const docs = await deps.store.events
      .find({
        ...(query.since ? { since: query.since } : {}),
        ...(query.type ? { types: query.type } : {}),
        ...(query.nct ? { nctId: query.nct } : {}),
        ...(query.cohort ? { cohort: query.cohort } : {}),
        ...(query.runId ? { runId: query.runId } : {}),
        ...(query.cursor ? { after: eventsCursor.decode(query.cursor) } : {}),
        limit: query.limit + 1,
      })
      .toArray();
    const page = docs.slice(0, query.limit);
    const last = page.at(-1);
    return c.json(
      {
        items: page.map(toEventView),
        nextCursor: docs.length > query.limit && last ? eventsCursor.encode(last.detectedAt, last._id) : null,
      },
      200,
    );
  });
}
