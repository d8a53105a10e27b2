export { fetcherProcessors } from './processors.js';
export { handleFetchPage, waitForNormalizeBacklog } from './fetch-page.handler.js';
export { handleVerifyTrials } from './verify-trials.handler.js';
export { ingestStudies, type IngestOutcome } from './ingest-studies.js';
export { toStudiesQuery, windowExpression } from './search-query.js';
