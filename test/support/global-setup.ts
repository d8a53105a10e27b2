import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { answers } from '../../services/cli/src/commands/services.command.js';
import { repoRoot } from './paths.js';

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
  const mongoBaseUri = process.env.TEST_MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const redis = new URL(redisUrl);
  const redisPort = Number(redis.port || 6379);
  if (!(await answers(redis.hostname, redisPort))) {
    const dir = path.join(repoRoot, '.data/redis-test');
    mkdirSync(dir, { recursive: true });
    const started = spawnSync(
      'redis-server',
      ['--port', String(redisPort), '--daemonize', 'yes', '--dir', dir, '--save', '', '--appendonly', 'no'],
      {
        stdio: 'inherit',
      },
    );
    if (started.status !== 0)
      throw new Error(`Redis does not answer at ${redisUrl} and redis-server could not start`);
  }
  const mongo = new URL(mongoBaseUri.replace(/^mongodb:/, 'http:'));
  const mongoPort = Number(mongo.port || 27017);
  if (!(await answers(mongo.hostname, mongoPort))) {
    execFileSync(path.join(repoRoot, 'infra/ferretdb/start.sh'), ['--port', String(mongoPort)], {
      stdio: 'inherit',
    });
  }
  project.provide('redisUrl', redisUrl);
  project.provide('mongoBaseUri', mongoBaseUri.replace(/\/+$/, ''));
}
