import { randomBytes } from 'node:crypto';
import { createLogger } from '@trialwatch/logger';
import {
  createPipelineContext,
  startPipelineWorkers,
  waitForRun,
  type FetchContext,
  type PipelineRuntime,
  type PipelineSettings,
} from '@trialwatch/pipeline';
import { allProcessors } from '../../services/cli/src/all-processors.js';
import { openSyncRun, type SyncTarget } from '@trialwatch/scheduler';
import type { SyncRunDoc } from '@trialwatch/store';
import { afterAll, beforeAll, inject } from 'vitest';
import { dropEnvironment } from './environment.js';

export interface TestEnvironment {
  REDIS_URL: string;
  MONGODB_URI: string;
  TRIALWATCH_PREFIX: string;
  CTGOV_BASE_URL: string;
  CTGOV_REQUESTS_PER_MINUTE: number;
  CTGOV_PAGE_SIZE: number;
  CTGOV_MAX_RETRIES: number;
  CTGOV_TIMEOUT_MS?: number;
}

/** A fresh database name and queue prefix on the real servers, for one test file or scenario. */
export function testEnvironment(
  ctgovBaseUrl: string,
  overrides: Partial<TestEnvironment> = {},
): TestEnvironment {
  const id = randomBytes(4).toString('hex');
  return {
    REDIS_URL: inject('redisUrl'),
    MONGODB_URI: `${inject('mongoBaseUri')}/tw_test_${id}`,
    TRIALWATCH_PREFIX: `twtest-${id}`,
    CTGOV_BASE_URL: ctgovBaseUrl,
    CTGOV_REQUESTS_PER_MINUTE: 6000,
    CTGOV_PAGE_SIZE: 1000,
    CTGOV_MAX_RETRIES: 8,
    ...overrides,
  };
}

/** The environment as strings, for spawning CLI processes. */
export function asProcessEnv(env: TestEnvironment, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export interface TestPipeline {
  env: TestEnvironment;
  context: FetchContext;
  runtime: PipelineRuntime;
  sync(target?: SyncTarget, options?: { full?: boolean; timeoutMs?: number }): Promise<SyncRunDoc>;
  close(): Promise<void>;
}

/** In-process workers for every stage on real Redis and the real database; `close` drops both. */
export async function startTestPipeline(
  env: TestEnvironment,
  settings: Partial<PipelineSettings> = {},
): Promise<TestPipeline> {
  const logger = createLogger({ name: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const runtime = await startPipelineWorkers({
    config: env,
    logger,
    service: 'test',
    handlers: allProcessors,
    settings,
    lockDurationMs: 10_000,
    stalledIntervalMs: 2_000,
  });
  const context = runtime.context;
  return {
    env,
    context,
    runtime,
    async sync(target = { kind: 'all' }, options = {}) {
      const run = await openSyncRun(context, { target, full: options.full ?? false, trigger: 'cli' });
      return waitForRun(context.store.runs, run._id, { timeoutMs: options.timeoutMs ?? 60_000 });
    },
    async close() {
      await runtime.close(5_000);
      await dropEnvironment(env);
    },
  };
}

export { dropEnvironment };

/** A pipeline context and where it keeps its data, filled in before the tests of a describe block. */
export interface ContextFixture {
  env: TestEnvironment;
  context: FetchContext;
}

/**
 * A pipeline context without workers (tests call the handlers and repositories themselves), on a fresh
 * database and prefix of the real servers: opened before the calling describe block's tests, closed and
 * dropped after them. No registry: its URL answers nothing.
 */
export function usePipelineContext(settings: Partial<PipelineSettings> = {}): ContextFixture {
  const fixture = {} as ContextFixture;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    fixture.env = testEnvironment('http://127.0.0.1:9/api/v2');
    const logger = createLogger({ name: 'test', level: 'silent' });
    ({ context: fixture.context, close } = await createPipelineContext(fixture.env, logger, settings));
  });
  afterAll(async () => {
    await close?.();
    await dropEnvironment(fixture.env);
  });
  return fixture;
}

/**
 * A running full sync, stored as the handlers expect to find it (`_id`: `runId`): of every study, or of a
 * cohort's when `cohort` is given.
 */
export async function createTestRun(
  context: FetchContext,
  runId: string,
  cohort: string | null = null,
): Promise<void> {
  await context.store.runs.create({
    _id: runId,
    scope: cohort ? `cohort-${cohort}` : 'all',
    cohort,
    mode: 'full',
    trigger: 'cli',
    searches: [{}],
    windowFrom: null,
    startedAt: new Date(),
    dataTimestamp: null,
    dataTimestampStale: false,
    verifyPlanned: 0,
  });
}
