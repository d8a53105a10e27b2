import type { TestProject } from 'vitest/node';
import { ensureDatabase, ensureRedis } from '../../services/cli/src/commands/services.command.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    mongoBaseUri: string;
  }
}

/**
 * Integration tests run against real servers: the machine's Redis (started here if it does not answer)
 * and FerretDB built from our infra/ferretdb (started here if nothing answers on the database port).
 * Each test file then uses its own database name and queue prefix.
 */
export default async function setup(project: TestProject): Promise<void> {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const mongoBaseUri = (process.env.TEST_MONGODB_URI ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '');
  // The same start-if-absent as `trialwatch services up` (each waits until its server answers).
  for (const line of [await ensureRedis(redisUrl), await ensureDatabase(mongoBaseUri)]) {
    process.stderr.write(`${line}\n`);
  }
  project.provide('redisUrl', redisUrl);
  project.provide('mongoBaseUri', mongoBaseUri);
}
