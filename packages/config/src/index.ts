export * from './env.schema.js';
export { ConfigError, databaseNameFromUri, loadConfig, redactUrl } from './load-config.js';
