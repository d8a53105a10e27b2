import type { HandlerFactories } from '@trialwatch/pipeline';
import { handleNormalizeBatch } from './normalize-batch.handler.js';

export const normalizerProcessors = {
  normalize: (context) => (payload) => handleNormalizeBatch(context, payload),
} satisfies HandlerFactories;
