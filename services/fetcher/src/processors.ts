import type { HandlerFactories } from '@trialwatch/pipeline';
import { handleFetchPage } from './fetch-page.handler.js';
import { handleVerifyTrials } from './verify-trials.handler.js';

/** The fetcher's stages: parse is done by the stage worker; each processor calls one handler. */
export const fetcherProcessors = {
  fetch: (context) => (payload) => handleFetchPage(context, payload),
  verify: (context) => (payload) => handleVerifyTrials(context, payload),
} satisfies HandlerFactories;
