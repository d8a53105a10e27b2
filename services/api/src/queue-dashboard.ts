import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { STAGE_NAMES, type PipelineQueues } from '@trialwatch/queues';
import type { ApiApp } from './api-app.js';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * Bull Board over every stage's queue, for operators. Mounted under the API's own authentication (the
 * middleware runs first): the token as a bearer header, or as the password of the browser's Basic prompt.
 */
export function mountQueueDashboard(app: ApiApp, queues: PipelineQueues): void {
  const serverAdapter = new HonoAdapter(serveStatic).setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: STAGE_NAMES.map((stage) => new BullMQAdapter(queues.queue(stage), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'TrialWatch queues' } },
  });
  app.route(DASHBOARD_PATH, serverAdapter.registerPlugin());
}
