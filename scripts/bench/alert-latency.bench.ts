/**
 * Alert latency: from the start of night 2's sync (openSyncRun) to the last webhook received, for 20 changed
 * trials. `node --import tsx scripts/bench/alert-latency.bench.ts [--trials 50] [--changed 20] [--reps 3]`
 *
 * Real Redis and the real database (TEST_REDIS_URL / TEST_MONGODB_URI, default the local ones; a fresh
 * database and queue prefix per repetition, dropped afterwards), in-process workers for every stage (as
 * `trialwatch worker all` runs them), the local replay server over a temporary folder, and an in-process
 * node:http receiver that verifies every signature. Night 1 serves `--trials` variants of the 10 real
 * records of ../shared (new NCT ids; generated at run time, never committed) with a webhook subscription;
 * night 2 serves the same folder with `--changed` of them moved to another status and a newer
 * lastUpdatePostDate, and runs incrementally, as a nightly run would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@trialwatch/logger';
import { startPipelineWorkers, waitForRun } from '@trialwatch/pipeline';
import { STAGE_NAMES, type PipelineQueues } from '@trialwatch/queues';
import { startReplayServer } from '@trialwatch/replay-server';
import { openSyncRun } from '@trialwatch/scheduler';
import { dropEnvironment } from '../../test/support/environment.js';
import { allProcessors } from '../../services/cli/src/all-processors.js';
import { startWebhookReceiver } from '../../test/support/webhook-receiver.js';
import { loadTemplates, object, type Json } from './corpus.js';

interface Options {
  trials: number;
  changed: number;
  reps: number;
  /** Print when each job of night 2 was queued, started and finished (ms from the sync start). */
  timeline: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { trials: 50, changed: 20, reps: 3, timeline: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]?.replace(/^--/, '');
    if (name === 'timeline') options.timeline = true;
    const value = Number(argv[i + 1]);
    if (
      (name === 'trials' || name === 'changed' || name === 'reps') &&
      Number.isInteger(value) &&
      value > 0
    ) {
      options[name] = value;
      i++;
    }
  }
  if (options.changed > options.trials) throw new Error('--changed cannot exceed --trials');
  return options;
}

const SECRET = 'bench-secret-0123456789abcdef';

async function writeStudy(dir: string, study: Json): Promise<void> {
  const id = String(object(object(study.protocolSection).identificationModule).nctId);
  const temporary = path.join(dir, `.${id}.tmp`);
  await writeFile(temporary, JSON.stringify(study));
  await rename(temporary, path.join(dir, `${id}.json`));
}

function variant(template: Json, index: number): Json {
  const study = structuredClone(template);
  const identification = object(object(study.protocolSection).identificationModule);
  identification.nctId = `NCT${String(95_000_000 + index)}`;
  delete identification.nctIdAliases;
  return study;
}

interface Result {
  /** Night 2's openSyncRun → the last webhook received. */
  latencyMs: number;
  /** The run's own startedAt → finishedAt. */
  runMs: number;
  /** The first deliver job of night 2 queued (by the detector) → the last webhook received. */
  notifyMs: number;
}

async function repetition(options: Options, templates: Json[]): Promise<Result> {
  const id = randomBytes(4).toString('hex');
  const config = {
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    MONGODB_URI: `${(process.env.TEST_MONGODB_URI ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '')}/tw_bench_${id}`,
    TRIALWATCH_PREFIX: `twbench-${id}`,
    CTGOV_REQUESTS_PER_MINUTE: 6000,
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'alert-bench-'));
  const studies = Array.from({ length: options.trials }, (_, index) =>
    variant(templates[index % templates.length] ?? {}, index),
  );
  for (const study of studies) await writeStudy(dir, study);
  const replay = await startReplayServer({ dataDir: dir, seed: 1 });
  const receiver = await startWebhookReceiver({ secret: SECRET });
  const runtime = await startPipelineWorkers({
    config: { ...config, CTGOV_BASE_URL: replay.url },
    logger: createLogger({ name: 'bench', level: process.env.BENCH_LOG_LEVEL ?? 'silent' }),
    service: 'bench',
    handlers: allProcessors,
  });
  const { context } = runtime;
  const sync = async () => {
    const run = await openSyncRun(context, { target: { kind: 'all' }, full: false, trigger: 'cli' });
    const finished = await waitForRun(context.store.runs, run._id, { timeoutMs: 300_000 });
    if (finished.status !== 'completed') throw new Error(`run ${run._id} ended ${finished.status}`);
    return finished;
  };
  const invalid = () => receiver.requests.filter((request) => request.signatureValid === false).length;
  try {
    await context.store.subscriptions.upsert({
      _id: 'sub_bench',
      cohort: null,
      eventTypes: [],
      channel: 'webhook',
      url: receiver.url,
      secret: SECRET,
      enabled: true,
      createdAt: new Date(),
    });
    await sync();
    await receiver.waitFor((requests) => requests.length >= options.trials, 300_000);

    const night1 = receiver.requests.length;
    const today = new Date().toISOString().slice(0, 10);
    for (const study of studies.slice(0, options.changed)) {
      const status = object(object(study.protocolSection).statusModule);
      status.overallStatus = status.overallStatus === 'RECRUITING' ? 'ACTIVE_NOT_RECRUITING' : 'RECRUITING';
      status.lastUpdatePostDateStruct = { date: today, type: 'ACTUAL' };
      await writeStudy(dir, study);
    }
    // Wall clock (ms) throughout: BullMQ's job timestamps are wall-clock too.
    const started = Date.now();
    const run = await sync();
    await receiver.waitFor((requests) => requests.length >= night1 + options.changed, 300_000);
    const last = Math.max(...receiver.requests.slice(night1).map((request) => request.receivedAt));
    const events = await context.store.events.count({ runId: run._id });
    if (events !== options.changed)
      throw new Error(`night 2 raised ${String(events)} events, expected ${String(options.changed)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (receiver.requests.length !== night1 + options.changed || invalid() > 0) {
      throw new Error(
        `receiver: ${String(receiver.requests.length - night1)} night-2 requests, ${String(invalid())} invalid`,
      );
    }
    if (options.timeline) await printTimeline(context.queues, run.startedAt.getTime());
    const deliverJobs = await context.queues.queue('deliver').getJobs(['completed']);
    const fannedOut = Math.min(...deliverJobs.map((job) => job.timestamp).filter((at) => at >= started));
    return {
      latencyMs: last - started,
      runMs: (run.finishedAt?.getTime() ?? 0) - run.startedAt.getTime(),
      notifyMs: last - fannedOut,
    };
  } finally {
    await runtime.close(5_000);
    await receiver.close();
    await replay.close();
    await rm(dir, { recursive: true, force: true });
    await dropEnvironment(config);
  }
}

async function printTimeline(queues: PipelineQueues, since: number): Promise<void> {
  const rows: { stage: string; queued: number; started: number; finished: number }[] = [];
  for (const stage of STAGE_NAMES) {
    for (const job of await queues.queue(stage).getJobs(['completed', 'failed'])) {
      if (job.timestamp < since - 1_000) continue;
      rows.push({
        stage,
        queued: job.timestamp - since,
        started: (job.processedOn ?? 0) - since,
        finished: (job.finishedOn ?? 0) - since,
      });
    }
  }
  rows.sort((a, b) => a.started - b.started);
  for (const row of rows) {
    console.log(
      `  ${row.stage.padEnd(9)} queued ${String(row.queued).padStart(6)}  started ${String(row.started).padStart(6)}  finished ${String(row.finished).padStart(6)} ms`,
    );
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const options = parseOptions(process.argv.slice(2));
const templates = loadTemplates();
console.log(
  `alert latency: night 1 = ${String(options.trials)} trials, night 2 = ${String(options.changed)} changed, ${String(options.reps)} repetitions`,
);
const results: Result[] = [];
for (let rep = 1; rep <= options.reps; rep++) {
  const result = await repetition(options, templates);
  results.push(result);
  console.log(
    `rep ${String(rep)}: night-2 sync start → last webhook ${result.latencyMs.toFixed(0)} ms (run itself ${String(result.runMs)} ms; fan-out → last webhook ${result.notifyMs.toFixed(0)} ms); load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}`,
  );
}
const latency = median(results.map((result) => result.latencyMs));
console.log(
  `median: ${latency.toFixed(0)} ms from night 2's sync start to the last of ${String(options.changed)} webhooks (target < 5000 ms: ${latency < 5000 ? 'met' : 'missed'}); median run ${median(results.map((result) => result.runMs)).toFixed(0)} ms, median fan-out → last webhook ${median(results.map((result) => result.notifyMs)).toFixed(0)} ms`,
);
