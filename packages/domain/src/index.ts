export * from './trial.schema.js';
