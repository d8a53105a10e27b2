export { API_VERSION, startReplayServer, type ReplayServer, type ReplayStats } from './replay-server.js';
export {
  DataTimestamp,
  ReplayServerOptions,
  type ReplayLogger,
  type ReplayServerSettings,
} from './replay-options.schema.js';
export { generateCorpus, type GenerateCorpusOptions } from './generate-corpus.js';
