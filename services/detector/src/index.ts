export { detectorProcessors } from './processors.js';
export { handleDetectChanges } from './detect-changes.handler.js';
export { fanOutDeliveries, subscriptionMatches } from './fan-out-deliveries.js';
