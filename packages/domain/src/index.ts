export * from './trial.schema.js';
export * from './published-status.js';
