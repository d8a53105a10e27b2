import type { HandlerFactories } from '@trialwatch/pipeline';
import { handleDetectChanges } from './detect-changes.handler.js';

export const detectorProcessors = {
  detect: (context) => (payload) => handleDetectChanges(context, payload),
} satisfies HandlerFactories;
