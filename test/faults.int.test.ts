import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoRecordsDir } from '@trialwatch/demo-data';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import { createStore, type Store } from '@trialwatch/store';
import { afterEach, describe, expect, it } from 'vitest';
import { asProcessEnv, dropEnvironment, testEnvironment, type TestEnvironment } from './support/harness.js';
import { realRecordsDir } from './support/paths.js';
import {
  freePort,
  runSyncProcess,
  startOwnFerretDb,
  startOwnRedis,
  startWorkerProcess,
  type RunningProcess,
} from './support/processes.js';

const DEMO_TRIALS = 24;
/** Fast stall recovery for tests: a dead worker's job is retried within a few seconds. */
const FAST_RECOVERY = { WORKER_LOCK_DURATION_MS: '4000', WORKER_STALLED_INTERVAL_MS: '1000' };

interface Outcome {
  trials: number;
  versions: number;
  events: number;
  addedPerTrial: Map<string, number>;
  duplicateEventIds: number;
}

async function storedOutcome(env: TestEnvironment): Promise<Outcome> {
  const store: Store = await createStore(env.MONGODB_URI);
  try {
    const events = await store.events.find({}).toArray();
    const addedPerTrial = new Map<string, number>();
    for (const event of events.filter((candidate) => candidate.type === 'trial_added')) {
      addedPerTrial.set(event.nctId, (addedPerTrial.get(event.nctId) ?? 0) + 1);
    }
    return {
      trials: await store.trials.count(),
      versions: await store.database.collections.versions.countDocuments(),
      events: events.length,
      addedPerTrial,
      duplicateEventIds: events.length - new Set(events.map((event) => event._id)).size,
    };
  } finally {
    await store.close();
  }
}

/** Wait until the sync has opened its run and stored at least `trials` trials (the run is under way). */
async function runUnderWay(env: TestEnvironment, trials: number, timeoutMs = 90_000): Promise<void> {
  const store: Store = await createStore(env.MONGODB_URI);
  try {
    const deadline = Date.now() + timeoutMs;
    while (
      (await store.database.collections.runs.countDocuments()) === 0 ||
      (await store.trials.count()) < trials
    ) {
      if (Date.now() > deadline) throw new Error('the sync did not get under way');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await store.close();
  }
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

function track<T extends RunningProcess>(process: T): T {
  cleanups.push(() => process.kill('SIGKILL'));
  return process;
}

async function replay(options: Parameters<typeof startReplayServer>[0]): Promise<ReplayServer> {
  const server = await startReplayServer(options);
  cleanups.push(() => server.close());
  return server;
}

describe('fault tolerance, with real processes and real servers', () => {
  it('two `worker all` processes, one SIGKILLed 3 s into an --external-workers sync: the run finishes, each trial added once', async () => {
    const registry = await replay({ dataDir: demoRecordsDir, delayMs: 300, pageSizeCap: 1, seed: 11 });
    const env = testEnvironment(registry.url);
    cleanups.push(() => dropEnvironment(env));
    const processEnv = asProcessEnv(env, FAST_RECOVERY);
    const [doomed, survivor] = await Promise.all([
      startWorkerProcess(processEnv),
      startWorkerProcess(processEnv),
    ]);
    track(doomed);
    track(survivor);

    const sync = runSyncProcess(processEnv, ['--external-workers']);
    // "Three seconds into the sync": counted from the moment the run is open (process start-up excluded).
    await runUnderWay(env, 0);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const storedBeforeKill = (await storedOutcome(env)).trials;
    await doomed.kill('SIGKILL');
    const killedAt = Date.now();
    const { code, summary } = await sync;
    const finishedAt = Date.now();

    const outcome = await storedOutcome(env);
    console.log(
      `[fault] SIGKILL worker: studies expected ${String(DEMO_TRIALS)}, stored ${String(outcome.trials)}; trial_added expected ${String(DEMO_TRIALS)}, emitted ${String([...outcome.addedPerTrial.values()].reduce((a, b) => a + b, 0))}; ` +
        `${String(storedBeforeKill)} stored at the kill; run took ${String(finishedAt - started)} ms, finished ${String(finishedAt - killedAt)} ms after the kill`,
    );
    expect(code).toBe(0);
    expect(summary).toMatchObject({ status: 'completed', failed: 0, changed: DEMO_TRIALS });
    expect(summary.fetched).toBe(summary.totalCount);
    expect(outcome.trials).toBe(DEMO_TRIALS);
    expect(outcome.versions).toBe(DEMO_TRIALS);
    expect(outcome.addedPerTrial.size).toBe(DEMO_TRIALS);
    expect([...outcome.addedPerTrial.values()].every((count) => count === 1)).toBe(true);
    expect(outcome.duplicateEventIds).toBe(0);
  });

  it('a Redis of its own (AOF) killed and restarted mid-run: the run completes, nothing lost or doubled', async () => {
    const registry = await replay({ dataDir: demoRecordsDir, delayMs: 150, pageSizeCap: 1, seed: 12 });
    const redisPort = await freePort();
    const redisDir = mkdtempSync(path.join(tmpdir(), 'tw-redis-'));
    cleanups.push(() => {
      rmSync(redisDir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const redis = track(await startOwnRedis(redisPort, redisDir));
    const env = testEnvironment(registry.url, { REDIS_URL: `redis://127.0.0.1:${String(redisPort)}` });
    cleanups.push(() => dropEnvironment(env));
    const processEnv = asProcessEnv(env, FAST_RECOVERY);
    track(await startWorkerProcess(processEnv));

    const sync = runSyncProcess(processEnv, ['--external-workers']);
    await runUnderWay(env, 3);
    await redis.kill('SIGKILL');
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    track(await startOwnRedis(redisPort, redisDir));
    const { code, summary } = await sync;
    const recoveryMs = Date.now() - downAt;

    const outcome = await storedOutcome(env);
    console.log(
      `[fault] Redis restart: studies expected ${String(DEMO_TRIALS)}, stored ${String(outcome.trials)}; events expected ${String(DEMO_TRIALS * 2)}, emitted ${String(outcome.events)}; run finished ${String(recoveryMs)} ms after Redis went down`,
    );
    expect(code).toBe(0);
    expect(summary).toMatchObject({ status: 'completed', failed: 0 });
    expect(outcome.trials).toBe(DEMO_TRIALS);
    expect(outcome.addedPerTrial.size).toBe(DEMO_TRIALS);
    // trial_added + cohort_entered per trial, nothing else, nothing twice.
    expect(outcome.events).toBe(DEMO_TRIALS * 2);
    expect(outcome.duplicateEventIds).toBe(0);
  });

  it('the database stopped for 20 s mid-run: the run completes after it returns', async () => {
    const registry = await replay({ dataDir: demoRecordsDir, delayMs: 100, pageSizeCap: 1, seed: 13 });
    const dbPort = await freePort();
    const dbDir = mkdtempSync(path.join(tmpdir(), 'tw-ferret-'));
    cleanups.push(() => {
      rmSync(dbDir, { recursive: true, force: true });
      return Promise.resolve();
    });
    const ferret = track(await startOwnFerretDb(dbPort, dbDir));
    const env = testEnvironment(registry.url, {
      MONGODB_URI: `mongodb://127.0.0.1:${String(dbPort)}/tw_fault_db`,
    });
    const processEnv = asProcessEnv(env, FAST_RECOVERY);
    track(await startWorkerProcess(processEnv));

    const sync = runSyncProcess(processEnv, ['--external-workers'], { timeoutMs: 240_000 });
    await runUnderWay(env, 3);
    await ferret.kill('SIGTERM');
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20_000));
    track(await startOwnFerretDb(dbPort, dbDir));
    const upAt = Date.now();
    const { code, summary } = await sync;
    const finishedAt = Date.now();

    const outcome = await storedOutcome(env);
    console.log(
      `[fault] database down ${String(upAt - downAt)} ms: studies expected ${String(DEMO_TRIALS)}, stored ${String(outcome.trials)}; events expected ${String(DEMO_TRIALS * 2)}, emitted ${String(outcome.events)}; run finished ${String(finishedAt - upAt)} ms after the database returned`,
    );
    expect(code).toBe(0);
    expect(summary).toMatchObject({ status: 'completed', failed: 0 });
    expect(outcome.trials).toBe(DEMO_TRIALS);
    expect(outcome.events).toBe(DEMO_TRIALS * 2);
    expect(outcome.duplicateEventIds).toBe(0);
    await dropEnvironment(env);
  }, 300_000);

  it('a registry answering 429/503, timing out and cutting bodies: completes, with the failures counted and retried', async () => {
    const registry = await replay({
      dataDir: realRecordsDir,
      pageSizeCap: 1,
      faultRate: 0.3,
      truncateRate: 0.2,
      hangRate: 0.1,
      hangMs: 10_000,
      seed: 14,
    });
    const env = testEnvironment(registry.url, { CTGOV_TIMEOUT_MS: 1_000 });
    cleanups.push(() => dropEnvironment(env));
    const processEnv = asProcessEnv(env, { ...FAST_RECOVERY, METRICS_PORT: '0' });
    const worker = track(await startWorkerProcess(processEnv));
    const metricsPort = Number(/:(\d+)\/metrics/.exec(await worker.waitForLine(/running/))?.[1]);

    const { code, summary } = await runSyncProcess(processEnv, ['--external-workers', '--all']);
    const metrics = await (await fetch(`http://127.0.0.1:${String(metricsPort)}/metrics`)).text();
    const counter = (name: string) =>
      Number(
        new RegExp(`trialwatch_ctgov_client_events\\{counter="${name}"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ??
          NaN,
      );
    const injected = registry.stats.faults;
    console.log(
      `[fault] flaky registry: studies expected 10, fetched ${String(summary.fetched)}; injected 429=${String(injected.rateLimited)} 503=${String(injected.unavailable)} truncated=${String(injected.truncated)} hung=${String(injected.hung)}; client counted rateLimited=${String(counter('rateLimited'))} serverErrors=${String(counter('serverErrors'))} invalidBodies=${String(counter('invalidBodies'))} timeouts=${String(counter('timeouts'))} retries=${String(counter('retries'))}`,
    );
    expect(code).toBe(0);
    expect(summary).toMatchObject({
      status: 'completed',
      totalCount: 10,
      fetched: 10,
      stored: 10,
      failed: 0,
    });
    expect(injected.rateLimited + injected.unavailable + injected.truncated).toBeGreaterThan(0);
    expect(counter('rateLimited')).toBe(injected.rateLimited);
    expect(counter('serverErrors')).toBe(injected.unavailable);
    expect(counter('invalidBodies')).toBe(injected.truncated);
    expect(injected.hung).toBeGreaterThan(0);
    expect(counter('timeouts')).toBe(injected.hung);
    expect(counter('retries')).toBeGreaterThanOrEqual(
      injected.rateLimited + injected.unavailable + injected.truncated + injected.hung,
    );
  });

  it('a registry that stops paging early: the run is marked incomplete, an alert is raised, the watermark stays', async () => {
    const complete = await replay({ dataDir: realRecordsDir, pageSizeCap: 3, seed: 15 });
    const env = testEnvironment(complete.url);
    cleanups.push(() => dropEnvironment(env));
    const first = await runSyncProcess(asProcessEnv(env), ['--all']);
    expect(first.summary).toMatchObject({ status: 'completed', fetched: 10 });

    const truncated = await replay({ dataDir: realRecordsDir, pageSizeCap: 3, stopPagingAfter: 4, seed: 16 });
    const store = await createStore(env.MONGODB_URI);
    cleanups.push(() => store.close());
    const before = await store.runs.watermark('all');
    const second = await runSyncProcess(asProcessEnv({ ...env, CTGOV_BASE_URL: truncated.url }), [
      '--all',
      '--full',
    ]);
    const after = await store.runs.watermark('all');
    const alerts = await store.opsAlerts.open();
    console.log(
      `[fault] early paging stop: totalCount ${String(second.summary.totalCount)}, fetched ${String(second.summary.fetched)}, status ${String(second.summary.status)}`,
    );
    expect(second.code).toBe(1);
    expect(second.summary).toMatchObject({ status: 'incomplete', totalCount: 10, fetched: 4 });
    expect(after?.lastCompletedRunId).toBe(before?.lastCompletedRunId);
    expect(
      alerts.some((alert) => alert.kind === 'run_incomplete' && alert.runId === second.summary.runId),
    ).toBe(true);
  });
});
