import { readdir, readFile } from 'node:fs/promises';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import type { EventDoc } from '@trialwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoRecordsDir,
  demoSnapshotDir,
  plantedChangesPath,
  type PlantedChange,
} from '@trialwatch/demo-data';
import { startTestPipeline, testEnvironment, type TestPipeline } from './support/harness.js';
import { copyJsonFiles, tempCorpus } from './support/replay-corpus.js';

/** A change as both sides can state it: list changes as what was added and removed. */
interface Comparable {
  nctId: string;
  type: string;
  field?: string;
  kind?: string;
  from?: unknown;
  to?: unknown;
  added?: string[];
  removed?: string[];
}

const LIST_TYPES = new Set(['sites_changed', 'countries_changed', 'interventions_changed']);

function fromPlanted(change: PlantedChange): Comparable {
  const base = {
    nctId: change.nctId,
    type: change.type,
    ...(change.field ? { field: change.field } : {}),
    ...(change.kind ? { kind: change.kind } : {}),
  };
  if (LIST_TYPES.has(change.type)) {
    const before = (change.from ?? []) as string[];
    const after = (change.to ?? []) as string[];
    return {
      ...base,
      added: after.filter((item) => !before.includes(item)).sort(),
      removed: before.filter((item) => !after.includes(item)).sort(),
    };
  }
  if (change.type === 'combination_changed') return base;
  if (change.type === 'results_posted') return { ...base, to: change.to };
  return { ...base, from: change.from, to: change.to };
}

/** The planted list prints a date as its raw string, an enrollment as its count and a site as "facility, city, country". */
function fromEvent(event: EventDoc): Comparable {
  const base = {
    nctId: event.nctId,
    type: event.type,
    ...(event.field ? { field: event.field } : {}),
    ...(event.kind ? { kind: event.kind } : {}),
  };
  const site = (value: unknown) => {
    const key = value as { facility: string | null; city: string | null; country: string | null };
    return [key.facility, key.city, key.country].filter((part) => part !== null).join(', ');
  };
  switch (event.type) {
    case 'sites_changed':
      return {
        ...base,
        added: (event.added ?? []).map(site).sort(),
        removed: (event.removed ?? []).map(site).sort(),
      };
    case 'countries_changed':
    case 'interventions_changed':
      return {
        ...base,
        added: (event.added as string[]).sort(),
        removed: (event.removed as string[]).sort(),
      };
    case 'combination_changed':
      return base;
    case 'results_posted':
      return { ...base, to: event.to };
    case 'enrollment_changed':
      return {
        ...base,
        from: (event.from as { count: number }).count,
        to: (event.to as { count: number }).count,
      };
    case 'date_changed':
      return { ...base, from: (event.from as { raw: string }).raw, to: (event.to as { raw: string }).raw };
    default:
      return { ...base, from: event.from, to: event.to };
  }
}

const byKey = (a: Comparable, b: Comparable) =>
  `${a.nctId}|${a.type}|${a.field ?? ''}`.localeCompare(`${b.nctId}|${b.type}|${b.field ?? ''}`);

/** The project's own demo data: the 2024-04 snapshot on night 1, today's records on night 2. */
describe('two nights of the demo data through the real queues', () => {
  let corpus: Awaited<ReturnType<typeof tempCorpus>>;
  let replay: ReplayServer;
  let pipeline: TestPipeline;
  let planted: PlantedChange[];

  beforeAll(async () => {
    planted = JSON.parse(await readFile(plantedChangesPath, 'utf8')) as PlantedChange[];
    corpus = await tempCorpus('demo-two-night-');
    await copyJsonFiles(demoSnapshotDir('2024-04'), corpus.dir);
    replay = await startReplayServer({ dataDir: corpus.dir, seed: 5 });
    pipeline = await startTestPipeline(testEnvironment(replay.url));
  });
  afterAll(async () => {
    await pipeline.close();
    await replay.close();
    await corpus.remove();
  });

  it('night 1 loads the 24 trials of the 2024-04 snapshot', async () => {
    const run = await pipeline.sync({ kind: 'all' });
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ totalCount: 24, fetched: 24, stored: 24, failed: 0 });
  });

  it('night 2 (incremental, today’s records) raises exactly planted-changes.json', async () => {
    await copyJsonFiles(demoRecordsDir, corpus.dir);
    const run = await pipeline.sync({ kind: 'all' });
    expect(run.status).toBe('completed');
    expect(run.mode).toBe('incremental');
    const events = await pipeline.context.store.events.find({ runId: run._id }).toArray();
    expect(events.map(fromEvent).sort(byKey)).toEqual(planted.map(fromPlanted).sort(byKey));
    for (const event of events.filter((candidate) => candidate.type === 'status_changed')) {
      expect(event.registryGenerated).toBe(event.to === 'UNKNOWN');
    }
    const changedTrials = new Set(planted.map((change) => change.nctId));
    const quiet = (await readdir(demoRecordsDir))
      .map((name) => name.replace(/\.json$/, ''))
      .filter((id) => !changedTrials.has(id));
    expect(quiet).toHaveLength(10);
    expect(events.filter((event) => quiet.includes(event.nctId))).toEqual([]);
  });

  it('a --full re-sync of today’s records flags nothing new', async () => {
    const before = await pipeline.context.store.events.count();
    const run = await pipeline.sync({ kind: 'all' }, { full: true });
    expect(run.summary).toMatchObject({ totalCount: 24, fetched: 24, changed: 0, failed: 0 });
    expect(await pipeline.context.store.events.count()).toBe(before);
  });
});
