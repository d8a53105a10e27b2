import { spawn } from 'node:child_process';
import { normalizeStudy, type Trial } from '@trialwatch/domain';
import { newTrialDoc, type Store, type TrialDoc } from '@trialwatch/store';
import { repoRoot } from './paths.js';
import { readRealRecords } from './real-records.js';
import { cliArgv, readHighWaterMark } from './processes.js';

/** A normalized real record (read from ../shared at run time, never copied) to clone trials from. */
function trialTemplate(): Trial {
  const record = readRealRecords()[0];
  if (!record) throw new Error('no real record in ../shared/ctgov/records');
  const result = normalizeStudy(record.raw);
  if (!result.ok) throw new Error(`the template record does not normalize: ${result.reason}`);
  return result.trial;
}

const STATUSES = ['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'UNKNOWN', 'TERMINATED'] as const;
const COUNTRIES = [
  ['Sweden'],
  ['Italy', 'Spain'],
  ['United States'],
  ['Korea, Republic of', 'Japan'],
] as const;

/** The i-th generated trial head: a new NCT id, a status, countries, an enrollment and a date varied by i. */
function bulkTrialDoc(template: Trial, index: number, now: Date): TrialDoc {
  const nctId = `NCT${String(80_000_000 + index).padStart(8, '0')}`;
  const trial: Trial = {
    ...template,
    nctId,
    overallStatus: STATUSES[index % STATUSES.length] ?? 'RECRUITING',
    countries: [...(COUNTRIES[index % COUNTRIES.length] ?? [])],
    enrollment: { count: 10 + (index % 500), type: 'ESTIMATED' },
    lastUpdatePostDate: `2025-${String((index % 12) + 1).padStart(2, '0')}-15`,
    contentHash: `${template.contentHash.slice(0, 48)}${String(index).padStart(16, '0')}`,
  };
  return newTrialDoc(
    {
      _id: `${nctId}@${trial.contentHash}`,
      nctId,
      contentHash: trial.contentHash,
      trial,
      runId: 'run_bulk',
      lastUpdatePostDate: trial.lastUpdatePostDate,
      dataTimestamp: null,
      detectedAt: now,
    },
    { cohort: index % 2 === 0 ? 'bulk' : null, now },
  );
}

/** Insert `count` generated trials (the `first`-th on) in batches; returns how long it took (ms). */
export async function insertBulkTrials(
  store: Store,
  count: number,
  batchSize = 1_000,
  first = 0,
): Promise<number> {
  const template = trialTemplate();
  const now = new Date();
  const started = performance.now();
  const end = first + count;
  for (let start = first; start < end; start += batchSize) {
    const docs: TrialDoc[] = [];
    for (let index = start; index < Math.min(end, start + batchSize); index++)
      docs.push(bulkTrialDoc(template, index, now));
    await store.database.collections.trials.insertMany(docs, { ordered: false });
  }
  return performance.now() - started;
}

export interface MeasuredRun {
  code: number | null;
  stderr: string;
  /** Peak resident set (VmHWM of /proc/PID/status, polled), in bytes. */
  peakRss: number;
  ms: number;
}

/** Run the CLI in its own node process (no pnpm wrapper) and follow its peak RSS until it exits. */
export async function runCliMeasured(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  pollMs = 20,
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, cliArgv(args), {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRss = 0;
  const state = { done: false };
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      state.done = true;
      resolve(code);
    }),
  );
  while (!state.done && child.pid !== undefined) {
    const value = readHighWaterMark(child.pid);
    if (value !== null) peakRss = Math.max(peakRss, value);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const code = await exited;
  return { code, stderr, peakRss, ms: performance.now() - started };
}
