import { createRoute, z } from '@hono/zod-openapi';
import { loadTableModel, renderTablePage, TableModel } from '@trialwatch/reports';
import { ApiError, errorResponses, notFoundResponse, type ApiApp, type ApiDeps } from '../api-app.js';
import { CohortParam, TableQuery } from '../api-schemas.js';

const cohortTable = createRoute({
  method: 'get',
  path: '/cohorts/{name}/table',
  summary: "The cohort's live table (Table 2 regenerated): HTML, or JSON with Accept: application/json",
  request: { params: CohortParam, query: TableQuery },
  responses: {
    200: {
      description: 'the table: a server-rendered page, or its model',
      content: {
        'text/html': { schema: z.string() },
        // The model is @trialwatch/reports' schema, made before zod-openapi extends zod: used as is (inline).
        'application/json': { schema: TableModel },
      },
    },
    ...errorResponses,
    ...notFoundResponse,
  },
});

/** JSON when asked by `format`, or when the Accept header names JSON before (or without) HTML. */
export function wantsJson(format: 'html' | 'json' | undefined, accept: string | undefined): boolean {
  if (format) return format === 'json';
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  const page = accept.indexOf('text/html');
  return json >= 0 && (page < 0 || json < page);
}

export function registerTableRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(cohortTable, async (c) => {
    const { name } = c.req.valid('param');
    const query = c.req.valid('query');
    const model = await loadTableModel(deps.store, {
      cohort: name,
      ...(query.baseline ? { baseline: query.baseline } : {}),
      includeOthers: query.others === 'true',
      now: deps.now?.() ?? new Date(),
    });
    if (!model) throw new ApiError(404, 'not_found', `no cohort named ${name}`);
    c.header('Vary', 'Accept');
    if (wantsJson(query.format, c.req.header('accept'))) return c.json(model, 200);
    return c.html(renderTablePage(model), 200);
  });
}
