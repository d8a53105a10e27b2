import type { HandlerFactories } from '@trialwatch/pipeline';
import { handleFinalizeRun } from './finalize-run.handler.js';
import { openSyncRun } from './open-sync-run.js';

export const schedulerProcessors = {
  finalize: (context) => (payload) => handleFinalizeRun(context, payload),
  schedule: (context) => async (payload) => {
    const run = await openSyncRun(context, {
      target: { kind: 'cohort', name: payload.cohort },
      full: payload.full,
      trigger: payload.trigger,
    });
    return { runId: run._id };
  },
} satisfies HandlerFactories;
