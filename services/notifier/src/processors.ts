import type { HandlerFactories } from '@trialwatch/pipeline';
import { handleDeliverEvent } from './deliver-event.handler.js';
import { handleSendDigest } from './send-digest.handler.js';

export const notifierProcessors = {
  deliver: (context) => (payload, job) => handleDeliverEvent(context, payload, job),
  digest: (context) => (payload, job) => handleSendDigest(context, payload, job),
} satisfies HandlerFactories;
