export { normalizerProcessors } from './processors.js';
export { handleNormalizeBatch } from './normalize-batch.handler.js';
