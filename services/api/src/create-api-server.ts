import type { AddressInfo } from 'node:net';
import { createRoute } from '@hono/zod-openapi';
import { serve, type ServerType } from '@hono/node-server';
import type { Logger } from '@trialwatch/logger';
import type { PipelineQueues } from '@trialwatch/queues';
import type { Store } from '@trialwatch/store';
import { HTTPException } from 'hono/http-exception';
import { ApiError, jsonContent, newApiApp, type ApiApp } from './api-app.js';
import { Health } from './api-schemas.js';
import { bearerAuth } from './auth.js';
import { BadCursorError } from './cursor.js';
import { mountQueueDashboard } from './queue-dashboard.js';
import { registerEventRoutes } from './routes/events.routes.js';
import { registerRunRoutes } from './routes/runs.routes.js';
import { registerTableRoutes } from './routes/table.routes.js';
import { registerTrialRoutes } from './routes/trials.routes.js';

export interface ApiServerOptions {
  store: Store;
  /** The bearer token every route but /health and /openapi.json requires (at least 16 characters). */
  token: string;
  logger: Logger;
  /** When given, Bull Board is mounted at /admin/queues behind the same token. */
  queues?: PipelineQueues;
  now?: () => Date;
}

export interface ApiServer {
  /** The Hono app (its `fetch` and `request` work without a socket). */
  app: ApiApp;
  /** The OpenAPI 3.1 document the routes were built from. */
  openApiDocument(): ReturnType<ApiApp['getOpenAPI31Document']>;
  listen(port: number, host?: string): Promise<{ url: string; port: number; host: string }>;
  close(): Promise<void>;
}

export const OPENAPI_INFO = {
  title: 'TrialWatch API',
  version: '0.1.0',
  description: 'Read access to the trials TrialWatch keeps, their versions and the changes detected on them.',
};

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and database reachability (no token needed)',
  security: [],
  responses: { 200: jsonContent(Health, 'up'), 503: jsonContent(Health, 'the database does not answer') },
});

export function createApiServer(options: ApiServerOptions): ApiServer {
  if (options.token.length < 16) throw new Error('the API token must be at least 16 characters');
  const { store, logger } = options;
  const app = newApiApp();
  const deps = { store, logger, ...(options.now ? { now: options.now } : {}) };

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', bearerAuth(options.token));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'basicAuth', {
    type: 'http',
    scheme: 'basic',
    description: 'any user name, the token as password (for browsers)',
  });

  app.openapi(health, async (c) => {
    const up = await store.database.db
      .command({ ping: 1 })
      .then(() => true)
      .catch(() => false);
    return up
      ? c.json({ status: 'ok' as const, database: 'ok' as const }, 200)
      : c.json({ status: 'degraded' as const, database: 'unreachable' as const }, 503);
  });
  registerTrialRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerTableRoutes(app, deps);
  registerRunRoutes(app, deps);
  if (options.queues) mountQueueDashboard(app, options.queues);

  const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { basicAuth: [] }];
  const documentConfig = { openapi: '3.1.0', info: OPENAPI_INFO, security };
  app.doc31('/openapi.json', documentConfig);

  app.notFound((c) => c.json({ error: 'not_found', message: `no route ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json({ error: error.code, message: error.message }, error.status);
    if (error instanceof BadCursorError)
      return c.json({ error: 'bad_request', message: `cursor: ${error.message}` }, 400);
    if (error instanceof HTTPException)
      return c.json({ error: 'http_error', message: error.message }, error.status);
    logger.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal', message: 'internal error' }, 500);
  });

  let server: ServerType | null = null;
  return {
    app,
    openApiDocument: () => app.getOpenAPI31Document(documentConfig),
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
          const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
          resolve({ url: `http://${shown}:${info.port}`, port: info.port, host: info.address });
        });
        started.once('error', reject);
        server = started;
      });
    },
    close() {
      const current = server;
      server = null;
      if (!current) return Promise.resolve();
      return new Promise((resolve, reject) => {
        current.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        if ('closeAllConnections' in current) current.closeAllConnections();
      });
    },
  };
}
