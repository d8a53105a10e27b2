/**
 * Export at scale: `node --import tsx scripts/bench/export.bench.ts [--size N]`.
 *
 * Inserts N generated trial heads (default 50,000; cloned at run time from a normalized real record of
 * ../shared, ids and a few values varied) into a fresh database on the real FerretDB, then runs
 * `trialwatch export --what trials` as a child process for ndjson and csv, and reports the child's peak RSS
 * (VmHWM polled from /proc, and GNU time's maximum resident set size when /usr/bin/time exists), wall
 * time and throughput. The database is dropped at the end.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStore } from '@trialwatch/store';
import { insertBulkTrials, runCliMeasured } from '../../test/support/bulk-trials.js';
import { repoRoot } from '../../test/support/paths.js';
import { cliArgv } from '../../test/support/processes.js';

const sizeFlag = process.argv.indexOf('--size');
const size = sizeFlag >= 0 ? Number(process.argv[sizeFlag + 1]) : 50_000;
if (!Number.isInteger(size) || size <= 0) throw new Error('--size takes a positive integer');
const mongoBase = (process.env.BENCH_MONGODB_URI ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '');
const database = `bench_export_${String(process.pid)}`;
const uri = `${mongoBase}/${database}`;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const store = await createStore(uri, { appName: 'bench-export' });
try {
  const insertMs = await insertBulkTrials(store, size);
  console.log(
    `inserted ${size.toLocaleString('en')} trials in ${(insertMs / 1000).toFixed(1)} s (${database})`,
  );
  const env = { ...process.env, MONGODB_URI: uri, LOG_LEVEL: 'warn' };
  const rows: string[] = [];
  for (const format of ['ndjson', 'csv'] as const) {
    const out = path.join(os.tmpdir(), `bench-export-${String(process.pid)}.${format}`);
    const args = ['export', '--what', 'trials', '--format', format, '--out', out];
    const run = await runCliMeasured(args, env);
    if (run.code !== 0) throw new Error(`export ${format} exited ${String(run.code)}: ${run.stderr}`);
    const bytes = statSync(out).size;
    let timePeak: number | null = null;
    if (existsSync('/usr/bin/time')) {
      try {
        execFileSync('/usr/bin/time', ['-o', `${out}.time`, '-f', '%M', process.execPath, ...cliArgv(args)], {
          cwd: repoRoot,
          env,
          stdio: 'ignore',
        });
        timePeak = Number(execFileSync('tail', ['-1', `${out}.time`], { encoding: 'utf8' }).trim()) * 1024;
      } finally {
        rmSync(`${out}.time`, { force: true });
      }
    }
    rmSync(out, { force: true });
    const seconds = run.ms / 1000;
    rows.push(
      `| ${format} | ${size.toLocaleString('en')} | ${mb(run.peakRss)} | ${timePeak === null ? 'n/a' : mb(timePeak)} | ${seconds.toFixed(1)} | ${Math.round(size / seconds).toLocaleString('en')} | ${mb(bytes)} |`,
    );
  }
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  );
  console.log(
    '| format | trials | peak RSS, VmHWM polled (MB) | peak RSS, GNU time (MB) | wall time (s) | trials/s | output (MB) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
} finally {
  await store.database.db.dropDatabase();
  await store.close();
}
