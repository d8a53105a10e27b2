import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStore, type Store } from '@trialwatch/store';
import { eventsExport, trialsExport, versionsExport } from '@trialwatch/reports';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insertBulkTrials, runCliMeasured } from './support/bulk-trials.js';
import { syncDemoNights, type DemoNights } from './support/demo-nights.js';
import { asProcessEnv } from './support/harness.js';
import { parseCsv } from './support/parse-csv.js';
import { runCli } from './support/processes.js';

const cli = runCli;

describe('trialwatch export on the demo data', () => {
  let demo: DemoNights;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    demo = await syncDemoNights();
    env = asProcessEnv(demo.pipeline.env);
    dir = await mkdtemp(path.join(os.tmpdir(), 'export-'));
  });
  afterAll(async () => {
    await demo.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes trials as NDJSON to stdout: every trial once, in NCT order, with its head pointers', async () => {
    const { code, stdout, stderr } = await cli(['export', '--what', 'trials', '--format', 'ndjson'], env);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { nctId: string; versionId: string; cohorts: string[]; overallStatus: string },
      );
    expect(lines).toHaveLength(24);
    const ids = lines.map((line) => line.nctId);
    expect([...ids].sort()).toEqual(ids);
    const heads = await demo.pipeline.context.store.trials.heads(ids);
    for (const line of lines) {
      expect(line.versionId).toBe(heads.get(line.nctId)?.versionId);
      expect(line.cohorts).toEqual(['prrt']);
    }
    expect(lines.find((line) => line.nctId === 'NCT05387603')?.overallStatus).toBe('RECRUITING');
  });

  it('writes trials as CSV to a file that parses back to the same values', async () => {
    const out = path.join(dir, 'trials.csv');
    const { code, stderr } = await cli(['export', '--what', 'trials', '--format', 'csv', '--out', out], env);
    expect(code, stderr).toBe(0);
    const [header, ...rows] = parseCsv(await readFile(out, 'utf8'));
    expect(header).toEqual(trialsExport.columns.map((column) => column.name));
    expect(rows).toHaveLength(24);
    const column = (name: string) => trialsExport.columns.findIndex((candidate) => candidate.name === name);
    const docs = await demo.pipeline.context.store.trials.find({}).toArray();
    for (const doc of docs) {
      const row = rows.find((candidate) => candidate[0] === doc._id);
      expect(row?.[column('briefTitle')]).toBe(doc.trial.briefTitle ?? '');
      expect(row?.[column('countries')]).toBe(doc.trial.countries.join('; '));
      expect(row?.[column('interventions')]).toBe(
        doc.trial.interventions.map((intervention) => intervention.name).join('; '),
      );
    }
    const grown = rows.find((row) => row[0] === 'NCT05870423');
    expect(grown?.[column('enrollmentCount')]).toBe('36');
    expect(grown?.[column('phases')]).toBe('PHASE1; PHASE2');
  });

  it('writes events and versions, one per stored document', async () => {
    const { store } = demo.pipeline.context;
    const events = await cli(['export', '--what', 'events', '--format', 'csv'], env);
    expect(events.code, events.stderr).toBe(0);
    const [header, ...rows] = parseCsv(events.stdout);
    expect(header).toEqual(eventsExport.columns.map((column) => column.name));
    expect(rows).toHaveLength(await store.events.count());
    expect(rows).toContainEqual(
      expect.arrayContaining(['NCT05387603', 'status_changed', 'NOT_YET_RECRUITING', 'RECRUITING']),
    );
    expect(
      rows.find((row) => row[1] === 'NCT05870423' && row[2] === 'enrollment_changed')?.slice(4, 6),
    ).toEqual(['24', '36']);

    const out = path.join(dir, 'versions.ndjson');
    const versions = await cli(['export', '--what', 'versions', '--format', 'ndjson', '--out', out], env);
    expect(versions.code, versions.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(await store.database.collections.versions.countDocuments());
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([
      'detectedAt',
      'lastUpdatePostDate',
      'nctId',
      'runId',
      'trial',
      'versionId',
    ]);
    for (const line of lines) {
      const trial = line.trial as { nctId?: unknown } | undefined;
      expect(trial?.nctId).toBe(line.nctId);
      expect(line.versionId).toMatch(new RegExp(`^${String(line.nctId)}@`));
    }
    const versionsCsv = await cli(['export', '--what', 'versions', '--format', 'csv'], env);
    expect(parseCsv(versionsCsv.stdout)[0]).toEqual(versionsExport.columns.map((column) => column.name));
  });

  it('rejects bad options with exit code 2 and one line', async () => {
    for (const args of [
      ['export', '--what', 'studies'],
      ['export', '--what', 'trials', '--format', 'xlsx'],
      ['export', '--what', 'versions', '--cohort', 'prrt'],
      ['export'],
    ]) {
      const { code, stderr, stdout } = await cli(args, env);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('a large export', () => {
  let store: Store;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const uri = `${inject('mongoBaseUri')}/tw_test_export_${String(process.pid)}`;

  beforeAll(async () => {
    store = await createStore(uri);
    env = { ...process.env, MONGODB_URI: uri, LOG_LEVEL: 'warn' };
    dir = await mkdtemp(path.join(os.tmpdir(), 'export-large-'));
  });
  afterAll(async () => {
    await store.database.db.dropDatabase();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stays flat in memory: ten times the trials, about the same peak RSS', async () => {
    const peak = async (label: string) => {
      const out = path.join(dir, `${label}.ndjson`);
      const run = await runCliMeasured(
        ['export', '--what', 'trials', '--format', 'ndjson', '--out', out],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      const lines = (await readFile(out, 'utf8')).split('\n').length - 1;
      return { lines, peakRss: run.peakRss };
    };
    await insertBulkTrials(store, 1_500);
    const small = await peak('small');
    await insertBulkTrials(store, 15_000, 1_000, 1_500);
    const large = await peak('large');
    expect(small.lines).toBe(1_500);
    expect(large.lines).toBe(16_500);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    expect(mb(large.peakRss)).toBeLessThan(200);
    expect(mb(large.peakRss) - mb(small.peakRss)).toBeLessThan(25);
  }, 600_000);
});
