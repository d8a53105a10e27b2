/**
 * What each document the pipeline writes per study costs the database: `node --import tsx
 * scripts/bench/store-cost.bench.ts [--size N]`. Inserts N of each — the current trial (the ceiling's
 * document), the version with its raw archive, a trial_added event — into a fresh database, in batches of 250
 * as the pipeline sends them, and reads the database process's CPU seconds from /proc around each. The
 * database is MONGODB_BASE_URI's (default the local FerretDB on 27017), found by its listening port.
 */
import { randomBytes } from 'node:crypto';
import { eventId } from '@trialwatch/domain';
import {
  createStore,
  encodeRawBytes,
  newTrialDoc,
  type EventDoc,
  type NewTrialVersion,
  type TrialDoc,
} from '@trialwatch/store';
import { corpusVersion, loadTemplates } from './corpus.js';
import { cpuSeconds, pidOfServer } from './proc-stats.js';

const BASE = (process.env.MONGODB_BASE_URI ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '');
const BATCH = 250;

async function main(): Promise<void> {
  const sizeAt = process.argv.indexOf('--size');
  const size = sizeAt >= 0 ? Number(process.argv[sizeAt + 1]) : 5000;
  const templates = loadTemplates();
  const now = new Date();
  const trials: TrialDoc[] = [];
  const versions: NewTrialVersion[] = [];
  const events: EventDoc[] = [];
  for (let index = 0; index < size; index += 1) {
    const made = corpusVersion(templates, index, 'store-cost', now);
    if (!made) continue;
    const { record, version } = made;
    trials.push(newTrialDoc(version, { cohort: null, now }));
    versions.push({ ...version, rawRecord: encodeRawBytes(Buffer.from(JSON.stringify(record))) });
    // As the detector writes a new trial's event.
    const fields = {
      nctId: version.nctId,
      type: 'trial_added' as const,
      fromVersion: null,
      toVersion: version._id,
    };
    events.push({
      _id: eventId(fields),
      ...fields,
      to: version.trial.overallStatus,
      detectedAt: now,
      runId: 'store-cost',
      lastUpdatePostDate: version.lastUpdatePostDate,
      cohorts: [],
    });
  }
  const pid = pidOfServer(BASE, 27017);
  if (pid === undefined) throw new Error(`no process listens on ${BASE}`);
  const store = await createStore(`${BASE}/twbench_cost_${randomBytes(4).toString('hex')}`);
  try {
    const measure = async (name: string, count: number, write: (start: number) => Promise<unknown>) => {
      const cpu = cpuSeconds(pid);
      const started = performance.now();
      for (let start = 0; start < count; start += BATCH) await write(start);
      const wall = performance.now() - started;
      const used = cpuSeconds(pid) - cpu;
      console.log(
        `${name.padEnd(26)} ${((used * 1000) / count).toFixed(3)} ms database CPU/doc, ${(wall / count).toFixed(3)} ms wall/doc`,
      );
    };
    const { collections } = store.database;
    await measure('trials (the ceiling doc)', trials.length, (start) =>
      collections.trials.insertMany(trials.slice(start, start + BATCH), { ordered: false }),
    );
    await measure('versions (archive + trial)', versions.length, (start) =>
      store.versions.insert(versions.slice(start, start + BATCH)),
    );
    await measure('events (trial_added)', events.length, (start) =>
      store.events.insert(events.slice(start, start + BATCH)),
    );
  } finally {
    await store.database.db.dropDatabase();
    await store.close();
  }
}

await main();
