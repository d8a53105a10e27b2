/**
 * `pnpm --silent bench [--size N] [--json] [--no-scale] [--compare-batches] [--workers N] [--cold]`: the
 * pipeline at registry scale, measured in one run on this machine, against the store's own ceiling. End to end
 * is the first load of a warm worker, the median of three as the ceiling is, each taken just after one of the
 * ceiling's rounds (the worker's own cold first load is reported beside it; `--cold` measures only a
 * just-started worker, the ceiling's rounds first). Prints a table, and with --json a
 * last line `{"size","ceilingDocsPerSec","e2eStudiesPerSec","ratio","normalizeStudiesPerSecPerCore",
 * "peakRssMb","noChangeWrites","perStudyMsBySize"}`. Corpora are generated at run time from the real
 * records in ../shared (never committed) and served by the replay server; the pipeline runs as real
 * processes (`trialwatch worker all`, `trialwatch sync --once --external-workers`) on the real Redis and
 * the real database (FerretDB locally).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseStudy, servedJsonWithout, studyView, type RawStudy } from '@trialwatch/ctgov-client';
import {
  contentHash,
  contentHashOfJson,
  diffTrials,
  MODELED_MODULES,
  normalizeStudy,
  UNHASHED_SECTION,
} from '@trialwatch/domain';
import { FETCH_STAGE_MODULES } from '@trialwatch/pipeline';
import { createStore, newTrialDoc, type TrialDoc } from '@trialwatch/store';
import { dropData, dropEnvironment, type DataEnvironment } from '../../test/support/environment.js';
import {
  readHighWaterMark,
  readResidentSet,
  spawnCli,
  type RunningProcess,
} from '../../test/support/processes.js';
import {
  changedVariant,
  corpusNctId,
  corpusVersion,
  loadTemplates,
  variant,
  writeCorpus,
  type Json,
} from './corpus.js';
import { cpuSeconds, pidOfServer } from './proc-stats.js';

interface Options {
  size: number;
  json: boolean;
  scale: boolean;
  compareBatches: boolean;
  /** `trialwatch worker all` processes for the pipeline runs (default 1). */
  workers: number;
  /** Measure the first load of a warm worker (default), or only the cold one (`--cold`). */
  warm: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    size: 5000,
    json: false,
    scale: true,
    compareBatches: false,
    workers: 1,
    warm: true,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--size') {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < 100)
        throw new Error(`--size needs an integer ≥ 100, got ${String(argv[i + 1])}`);
      options.size = value;
      i += 1;
    } else if (arg === '--workers') {
      const value = Number(argv[i + 1]);
      if (!Number.isInteger(value) || value < 1 || value > 16)
        throw new Error(`--workers needs an integer from 1 to 16, got ${String(argv[i + 1])}`);
      options.workers = value;
      i += 1;
    } else if (arg === '--json') options.json = true;
    else if (arg === '--no-scale') options.scale = false;
    else if (arg === '--compare-batches') options.compareBatches = true;
    else if (arg === '--cold') options.warm = false;
    else throw new Error(`unknown option ${String(arg)}`);
  }
  return options;
}

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MONGO_BASE = (process.env.BENCH_MONGODB_URI ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '');
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Peak resident sets, in MB: of the processes a measurement starts, their own high-water mark (VmHWM); of
 * the servers it uses (the database, Redis), which run before and after it, the largest resident set
 * (VmRSS) sampled every 200 ms while it runs.
 */
class RssWatch {
  private readonly peaks = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly watched = new Map<string, { pid: number; read: (pid: number) => number | null }>();

  constructor() {
    this.timer = setInterval(() => {
      this.sample();
    }, 200);
  }

  /** A process the measurement started. */
  watch(name: string, pid: number | undefined): void {
    if (pid) this.watched.set(name, { pid, read: readHighWaterMark });
  }

  /** A server that outlives the measurement. */
  watchServer(name: string, pid: number | undefined): void {
    if (pid) this.watched.set(name, { pid, read: readResidentSet });
  }

  sample(): void {
    for (const [name, { pid, read }] of this.watched) {
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, (read(pid) ?? 0) / (1024 * 1024)));
    }
  }

  result(): Record<string, number> {
    this.sample();
    clearInterval(this.timer);
    return Object.fromEntries([...this.peaks].map(([name, mb]) => [name, Math.round(mb)]));
  }
}

interface Environment {
  /** Where this measurement keeps its data (dropped afterwards). */
  data: DataEnvironment;
  /** The environment of the processes it starts. */
  env: NodeJS.ProcessEnv;
}

function environment(registryUrl: string, extra: Record<string, string> = {}): Environment {
  const id = randomBytes(4).toString('hex');
  const data: DataEnvironment = {
    REDIS_URL,
    MONGODB_URI: `${MONGO_BASE}/twbench_${id}`,
    TRIALWATCH_PREFIX: `twbench-${id}`,
  };
  return {
    data,
    env: {
      ...process.env,
      ...data,
      CTGOV_BASE_URL: registryUrl,
      CTGOV_REQUESTS_PER_MINUTE: '6000',
      LOG_LEVEL: 'warn',
      METRICS_PORT: '0',
      ...extra,
    },
  };
}

async function startReplay(
  dataDir: string,
  rss: RssWatch,
): Promise<{ process: RunningProcess; url: string }> {
  const replay = spawnCli(['replay-server', '--data', dataDir, '--port', '0'], {
    ...process.env,
    LOG_LEVEL: 'warn',
  });
  const line = await replay.waitForLine(/listening on/, 600_000);
  rss.watch('replay-server', replay.child.pid);
  const url = /(http:\/\/\S+\/api\/v2)/.exec(line)?.[1];
  if (!url) throw new Error(`replay server printed no URL: ${line}`);
  return { process: replay, url };
}

async function replayRequests(url: string): Promise<number> {
  const stats = (await (await fetch(url.replace(/\/api\/v2$/, '/__replay/stats'))).json()) as {
    requests: number;
  };
  return stats.requests;
}

interface SyncResult {
  summary: Record<string, unknown>;
  wallMs: number;
}

async function runSync(
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  rss: RssWatch,
  label: string,
): Promise<SyncResult> {
  const started = performance.now();
  const sync = spawnCli(['sync', '--once', '--external-workers', ...args], env);
  rss.watch(label, sync.child.pid);
  const code = await sync.exited;
  const wallMs = performance.now() - started;
  const last = sync.stdout().trim().split('\n').at(-1) ?? '';
  if (code !== 0)
    throw new Error(`sync ${args.join(' ')} exited ${String(code)}: ${sync.stderr().slice(-2000)}`);
  return { summary: JSON.parse(last) as Record<string, unknown>, wallMs };
}

async function workerMetrics(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${String(port)}/metrics`)).text();
}

/** Database write statements by collection, summed over the workers' /metrics. */
function sumWrites(metrics: readonly string[]): Map<string, number> {
  const writes = new Map<string, number>();
  for (const text of metrics) {
    for (const match of text.matchAll(/trialwatch_db_write_statements\{collection="([^"]+)"[^}]*\} (\d+)/g)) {
      const collection = match[1] ?? '';
      writes.set(collection, (writes.get(collection) ?? 0) + Number(match[2]));
    }
  }
  return writes;
}

/**
 * (a) the store's ceiling: the normalized documents, inserted straight into the database in bulk. The
 * median of three measurements, each into a fresh database: one alone moved by ±15 % between runs here.
 * With a warm worker its rounds are taken between the pipeline's (see main), so that both medians sample the
 * machine over the same minutes; this measures them all first (the cold worker's bench).
 */
async function measureCeiling(templates: readonly Json[], size: number): Promise<number[]> {
  const all: number[] = [];
  for (let round = 0; round < CEILING_ROUNDS; round += 1) all.push(await measureCeilingOnce(templates, size));
  return all;
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

const CEILING_ROUNDS = 3;
/** Warm first loads at the main size, as many as the ceiling's rounds: the median is compared with its median. */
const E2E_ROUNDS = CEILING_ROUNDS;

async function measureCeilingOnce(templates: readonly Json[], size: number): Promise<number> {
  const docs: TrialDoc[] = [];
  const now = new Date();
  for (let index = 0; index < size; index += 1) {
    const made = corpusVersion(templates, index, 'ceiling', now);
    // The very document the pipeline stores as the current trial.
    if (made) docs.push(newTrialDoc(made.version, { cohort: null, now }));
  }
  const database = `twbench_ceiling_${randomBytes(4).toString('hex')}`;
  const store = await createStore(`${MONGO_BASE}/${database}`);
  try {
    const collection = store.database.collections.trials;
    const started = performance.now();
    for (let start = 0; start < docs.length; start += 1000) {
      await collection.insertMany(docs.slice(start, start + 1000), { ordered: false });
    }
    return docs.length / ((performance.now() - started) / 1000);
  } finally {
    await store.database.db.dropDatabase();
    await store.close();
  }
}

interface PureResult {
  /** (d) as the issue lists it: normalize + classify + diff, per study per core (CPU time). */
  normalizeClassifyDiff: number;
  /** The same with the content hash, which the fetch stage computes once per record served. */
  withContentHash: number;
  hashUs: number;
}

/**
 * (d) pure stages, on this one core (CPU time), on records as the normalize stage gets them: the modules
 * it models, parsed from the bytes served (studyView), with each record's content hash from the fetch
 * stage (which needs it to skip unchanged records, and computes it from the same bytes). Normalize +
 * classify + diff is timed that way, the hash separately; parsing is neither.
 */
function measurePure(templates: readonly Json[], size: number): PureResult {
  const count = Math.min(size, 5000);
  // Served as the replay server serves the corpus, laid out by the client as the fetch stage has it.
  const served = (study: Json) =>
    parseStudy('bench', Buffer.from(JSON.stringify(study), 'utf8'), 'protocol', new Set(FETCH_STAGE_MODULES));
  const servedStudies = Array.from({ length: count }, (_, index) =>
    served(variant(templates[index % templates.length] as Json, index)),
  );
  const servedChanged = Array.from({ length: count }, (_, index) =>
    served(changedVariant(templates[index % templates.length] as Json, index)),
  );
  const modeled = new Set(Object.keys(MODELED_MODULES));
  const studies = servedStudies.map((study) => studyView(study, modeled));
  const changed = servedChanged.map((study) => studyView(study, modeled));
  for (let index = 0; index < Math.min(500, count); index += 1) normalizeStudy(studies[index]);

  const hashOf = (study: RawStudy) => contentHashOfJson(servedJsonWithout(study, UNHASHED_SECTION) ?? []);
  const hashCpu = process.cpuUsage();
  const hashes = servedStudies.map(hashOf);
  const changedHashes = servedChanged.map(hashOf);
  const hashUsed = process.cpuUsage(hashCpu);
  const hashUs = (hashUsed.user + hashUsed.system) / (2 * count);
  const first = variant(templates[0] as Json, 0);
  if (hashes[0] !== contentHash(first)) throw new Error('the hash from the bytes differs from contentHash');

  const cpu = process.cpuUsage();
  let events = 0;
  for (let index = 0; index < count; index += 1) {
    const before = normalizeStudy(studies[index], { contentHash: hashes[index] });
    const after = normalizeStudy(changed[index], { contentHash: changedHashes[index] });
    if (before.ok && after.ok) events += diffTrials(before.trial, after.trial).length;
  }
  const used = process.cpuUsage(cpu);
  if (events === 0) throw new Error('the diff found nothing: the benchmark corpus is wrong');
  // Two normalizations and one diff per study: count the studies a sync would process (one each).
  const perStudyUs = (used.user + used.system) / (2 * count);
  return {
    normalizeClassifyDiff: 1e6 / perStudyUs,
    withContentHash: 1e6 / (perStudyUs + hashUs),
    hashUs,
  };
}

interface SizeResult {
  size: number;
  /** The first load by a warm worker (see measureSize). */
  e2eStudiesPerSec: number;
  /** The first load by a worker just started. */
  coldStudiesPerSec: number;
  perStudyMs: number;
  firstLoadMs: number;
  rss: Record<string, number>;
  cpu: Record<string, number>;
  /** Each measured warm first load, studies/s (e2eStudiesPerSec is their median). */
  warmRounds: number[];
  noChange?: { ms: number; dataWrites: number; bookkeepingWrites: number; writes: Record<string, number> };
  onePercent?: { ms: number; requests: number; changed: number; events: number };
}

const DATA_COLLECTIONS = new Set(['trials', 'trial_versions', 'events', 'dead_letters', 'schema_drift']);

/**
 * One first load (`sync --once --all` into an empty store), with the CPU seconds each process used during
 * it; throws unless it completed with every study new (one trial_added event each: no lossy figures).
 */
async function firstLoad(
  environmentUsed: Environment,
  pids: Record<string, number | undefined>,
  rss: RssWatch,
  size: number,
  label: string,
): Promise<{ ms: number; cpu: Record<string, number> }> {
  const cpuBefore = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const { summary } = await runSync(environmentUsed.env, ['--all'], rss, 'sync');
  const ms = Number(summary.durationMs);
  const cpu = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      Number((cpuSeconds(pid) - (cpuBefore[name] ?? 0)).toFixed(1)),
    ]),
  );
  if (summary.status !== 'completed' || summary.fetched !== size) {
    throw new Error(`${label} did not complete: ${JSON.stringify(summary)}`);
  }
  if (summary.changed !== size || summary.events !== size) {
    throw new Error(`${label} lost trials or events: ${JSON.stringify(summary)}`);
  }
  log(
    `  ${label}: ${(ms / 1000).toFixed(1)} s, ${(size / (ms / 1000)).toFixed(0)} studies/s, ${String(summary.events)} events; CPU seconds: ${JSON.stringify(cpu)}`,
  );
  return { ms, cpu };
}

/**
 * Back to an empty store for running workers: the database dropped (the store creates what it needs as
 * it writes: no index to keep) and what runs keep in Redis — head mirror, progress, staging, checked
 * sets — deleted; the queues stay (a new run's jobs have new ids).
 */
async function emptyStore(data: DataEnvironment): Promise<void> {
  await dropData(data, ['heads', 'checked', 'run-progress', 'stage']);
}

/** How one size is measured (see measureSize). */
interface SizeRun {
  /** Also the no-change re-sync and the 1 % night after the first load. */
  full?: boolean;
  /** Extra environment of the worker and sync processes (e.g. CTGOV_PAGE_SIZE). */
  env?: Record<string, string>;
  workers: number;
  /** First loads by a warm worker (else the just-started worker's only). */
  warm: boolean;
  /** Warm first loads whose median is measured. */
  rounds?: number;
  /** Run before each warm first load (the ceiling's rounds, interleaved with the pipeline's). */
  beforeRound?: () => Promise<void>;
}

async function measureSize(
  templates: readonly Json[],
  size: number,
  { full = false, env: extraEnv = {}, workers: workerCount, warm, rounds = 1, beforeRound }: SizeRun,
): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tw-bench-${String(size)}-`));
  const rss = new RssWatch();
  let replay: { process: RunningProcess; url: string } | undefined;
  const workers: RunningProcess[] = [];
  let environmentUsed: Environment | undefined;
  try {
    const started = performance.now();
    const bytes = writeCorpus(dir, size, templates);
    log(
      `  corpus: ${String(size)} studies, ${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    replay = await startReplay(dir, rss);
    environmentUsed = environment(replay.url, extraEnv);
    // BENCH_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the worker process only.
    const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const metricsPorts: number[] = [];
    const workerPids: Record<string, number | undefined> = {};
    for (let index = 0; index < workerCount; index += 1) {
      const worker = spawnCli(['worker', 'all'], environmentUsed.env, nodeArgs);
      workers.push(worker);
      const line = await worker.waitForLine(/^worker .* running/, 120_000);
      const name = index === 0 ? 'worker' : `worker-${String(index + 1)}`;
      rss.watch(name, worker.child.pid);
      workerPids[name] = worker.child.pid;
      metricsPorts.push(Number(/:(\d+)\/metrics/.exec(line)?.[1]));
    }
    const writesNow = async () => sumWrites(await Promise.all(metricsPorts.map(workerMetrics)));

    const pids = {
      ...workerPids,
      'replay-server': replay.process.child.pid,
      database: pidOfServer(MONGO_BASE, 27017),
      redis: pidOfServer(REDIS_URL, 6379),
    };
    rss.watchServer('database', pids.database);
    rss.watchServer('redis', pids.redis);
    const used = environmentUsed;
    const load = async (label: string) => firstLoad(used, pids, rss, size, label);
    // The worker's first run pays its start: V8 compiles and optimizes the code, the heap grows to its
    // working size. A worker service meets a nightly run warm, and the ceiling's median is of warm rounds:
    // after that first load (reported as the cold figure; --cold measures it alone), the same worker makes
    // `rounds` more, each into an emptied store, and the median (by wall time) is the measured one.
    let warmRounds: number[] = [];
    const cold = await load(warm ? 'cold first load (the warm-up)' : 'first load');
    let measured = cold;
    if (warm) {
      const loads: { ms: number; cpu: Record<string, number> }[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        await emptyStore(environmentUsed.data);
        await beforeRound?.();
        loads.push(await load(`first load ${String(round)} of ${String(rounds)}, warm worker`));
      }
      measured = loads.find((round) => round.ms === median(loads.map((each) => each.ms))) ?? cold;
      warmRounds = loads.map((round) => size / (round.ms / 1000));
    }
    const { cpu } = measured;
    const firstMs = measured.ms;
    const result: SizeResult = {
      size,
      e2eStudiesPerSec: size / (firstMs / 1000),
      coldStudiesPerSec: size / (cold.ms / 1000),
      perStudyMs: firstMs / size,
      firstLoadMs: firstMs,
      rss: {},
      cpu,
      warmRounds,
    };

    if (full) {
      const before = await writesNow();
      const again = await runSync(environmentUsed.env, ['--all', '--full'], rss, 'sync');
      const after = await writesNow();
      const writes: Record<string, number> = {};
      for (const [name, count] of after) {
        const delta = count - (before.get(name) ?? 0);
        if (delta !== 0) writes[name] = delta;
      }
      const dataWrites = Object.entries(writes)
        .filter(([name]) => DATA_COLLECTIONS.has(name))
        .reduce((sum, [, count]) => sum + count, 0);
      const allWrites = Object.values(writes).reduce((sum, count) => sum + count, 0);
      result.noChange = {
        ms: Number(again.summary.durationMs),
        dataWrites,
        bookkeepingWrites: allWrites - dataWrites,
        writes,
      };
      log(
        `  no-change --full re-sync: ${(result.noChange.ms / 1000).toFixed(1)} s, data writes ${String(dataWrites)} (worker: ${JSON.stringify(writes)}; the sync process writes its run document)`,
      );

      const changedCount = Math.max(1, Math.round(size / 100));
      for (let k = 0; k < changedCount; k += 1) {
        const index = Math.floor((k * size) / changedCount);
        const file = path.join(dir, `${corpusNctId(index)}.json`);
        fs.writeFileSync(
          `${file}.tmp`,
          JSON.stringify(changedVariant(templates[index % templates.length] as Json, index)),
        );
        fs.renameSync(`${file}.tmp`, file);
      }
      const requestsBefore = await replayRequests(replay.url);
      const night = await runSync(environmentUsed.env, ['--all'], rss, 'sync');
      const requests = (await replayRequests(replay.url)) - requestsBefore;
      result.onePercent = {
        ms: Number(night.summary.durationMs),
        requests,
        changed: Number(night.summary.changed),
        events: Number(night.summary.events),
      };
      log(
        `  1% changed night: ${(result.onePercent.ms / 1000).toFixed(1)} s, ${String(requests)} requests, ${String(result.onePercent.changed)} changed, ${String(result.onePercent.events)} events`,
      );
    }
    result.rss = rss.result();
    return result;
  } finally {
    rss.result();
    await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
    // BENCH_WORKER_OUTPUT=FILE keeps what the workers printed, stdout then stderr (their logs), e.g. with
    // BENCH_WORKER_NODE_ARGS=--trace-gc.
    const keepOutput = process.env.BENCH_WORKER_OUTPUT;
    if (keepOutput) {
      const printed = workers.map((worker) => `${worker.stdout()}\n${worker.stderr()}`);
      fs.writeFileSync(keepOutput, printed.join('\n'));
    }
    await replay?.process.kill('SIGTERM');
    if (environmentUsed) await dropEnvironment(environmentUsed.data);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const templates = loadTemplates();
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  log(
    `machine: ${String(os.cpus().length)} cores (${cpu}), ${String(Math.round(os.totalmem() / 1e9))} GB, node ${process.version}, load ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );

  log('(d) pure stages …');
  const pure = measurePure(templates, options.size);
  const normalizeStudiesPerSecPerCore = pure.normalizeClassifyDiff;
  log(
    `  normalize+classify+diff ${normalizeStudiesPerSecPerCore.toFixed(0)} studies/s/core; content hash ${pure.hashUs.toFixed(0)} µs/study; all three with the hash ${pure.withContentHash.toFixed(0)} studies/s/core`,
  );

  // (a) and (b): with a warm worker, each ceiling round runs just before one of the pipeline's first loads.
  const run = { workers: options.workers, warm: options.warm };
  const ceilingAll = options.warm ? [] : await measureCeiling(templates, options.size);
  log(
    `(b,e,f,g) pipeline at ${String(options.size)}${options.warm ? ', each first load after a round of the store ceiling (a)' : ''} …`,
  );
  const main = await measureSize(templates, options.size, {
    ...run,
    full: true,
    rounds: E2E_ROUNDS,
    beforeRound: async () => {
      const docsPerSec = await measureCeilingOnce(templates, options.size);
      ceilingAll.push(docsPerSec);
      log(`  (a) store ceiling: ${docsPerSec.toFixed(0)} docs/s`);
    },
  });
  const ceiling = { median: median(ceilingAll), all: ceilingAll };
  const ceilingDocsPerSec = ceiling.median;
  log(
    `  (a) store ceiling at ${String(options.size)}: ${ceilingDocsPerSec.toFixed(0)} docs/s (median of ${ceiling.all.map((value) => value.toFixed(0)).join(', ')})`,
  );
  const sizes = options.scale ? [options.size * 4, options.size * 10] : [];
  const scaled: SizeResult[] = [main];
  for (const size of sizes) {
    log(`(h) pipeline at ${String(size)} …`);
    scaled.push(await measureSize(templates, size, run));
  }
  let batches: { pageSize: number; studiesPerSec: number; workerRssMb: number }[] | undefined;
  if (options.compareBatches) {
    batches = [];
    const size = Math.min(options.size, 2000);
    for (const pageSize of [10, 100, 250, 1000]) {
      log(`batch size ${String(pageSize)} at ${String(size)} …`);
      const result = await measureSize(templates, size, {
        ...run,
        env: { CTGOV_PAGE_SIZE: String(pageSize) },
      });
      batches.push({
        pageSize,
        studiesPerSec: Math.round(result.e2eStudiesPerSec),
        workerRssMb: result.rss.worker ?? 0,
      });
    }
  }

  const ratio = main.e2eStudiesPerSec / ceilingDocsPerSec;
  const peakRss = Math.max(
    ...scaled.flatMap((result) =>
      Object.entries(result.rss)
        .filter(([name]) => name === 'sync' || name.startsWith('worker'))
        .map(([, mb]) => mb),
    ),
  );
  const perStudyMsBySize = Object.fromEntries(
    scaled.map((result) => [String(result.size), Number(result.perStudyMs.toFixed(3))]),
  );
  const table = [
    `size ${String(options.size)}: ceiling ${ceilingDocsPerSec.toFixed(0)} docs/s (median of ${ceiling.all.map((value) => value.toFixed(0)).join(', ')}), end to end ${main.e2eStudiesPerSec.toFixed(0)} studies/s${options.warm ? ` (warm worker, median of ${main.warmRounds.map((value) => value.toFixed(0)).join(', ')}; its cold first load ${main.coldStudiesPerSec.toFixed(0)}, ratio ${(main.coldStudiesPerSec / ceilingDocsPerSec).toFixed(2)})` : ' (cold worker)'}, ratio ${ratio.toFixed(2)}`,
    `pure normalize+classify+diff: ${normalizeStudiesPerSecPerCore.toFixed(0)} studies/s/core (with the fetch stage's content hash, ${pure.hashUs.toFixed(0)} µs/study: ${pure.withContentHash.toFixed(0)})`,
    `worker processes: ${String(options.workers)}`,
    `no-change re-sync: ${String(main.noChange?.dataWrites)} data writes, ${((main.noChange?.ms ?? 0) / 1000).toFixed(1)} s vs first load ${(main.firstLoadMs / 1000).toFixed(1)} s`,
    `1% changed night: ${((main.onePercent?.ms ?? 0) / 1000).toFixed(1)} s, ${String(main.onePercent?.requests)} requests`,
    ...scaled.map(
      (result) =>
        `at ${String(result.size)}: ${result.perStudyMs.toFixed(3)} ms/study, peak RSS ${JSON.stringify(result.rss)} MB`,
    ),
    ...(batches ?? []).map(
      (batch) =>
        `page size ${String(batch.pageSize)}: ${String(batch.studiesPerSec)} studies/s, worker peak RSS ${String(batch.workerRssMb)} MB`,
    ),
    `load average at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  ];
  process.stdout.write(`${table.join('\n')}\n`);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({
        size: options.size,
        ceilingDocsPerSec: Math.round(ceilingDocsPerSec),
        e2eStudiesPerSec: Math.round(main.e2eStudiesPerSec),
        ratio: Number(ratio.toFixed(3)),
        normalizeStudiesPerSecPerCore: Math.round(normalizeStudiesPerSecPerCore),
        peakRssMb: peakRss,
        noChangeWrites: main.noChange?.dataWrites ?? null,
        perStudyMsBySize,
      })}\n`,
    );
  }
}

await main();
