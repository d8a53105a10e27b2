import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startReplayServer, type ReplayServer } from '@trialwatch/replay-server';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { realRecordsDir } from './paths.js';
import { readRealRecords as readSharedRecords } from './real-records.js';

/** The parts of a registry record the replay tests read or rewrite. */
export interface RecordShape {
  protocolSection: {
    identificationModule: { nctId: string; nctIdAliases?: string[] };
    statusModule: { overallStatus: string; lastUpdatePostDateStruct?: { date: string } };
    armsInterventionsModule?: { interventions?: { name: string }[] };
  };
}

export interface RealRecord {
  fileName: string;
  text: string;
  record: RecordShape;
}

/** The real records of ../shared (read at test time, never copied), in the shape the replay tests use. */
export function readRealRecords(): RealRecord[] {
  return readSharedRecords().map(({ file, text, raw }) => ({
    fileName: file,
    text,
    record: raw as unknown as RecordShape,
  }));
}

/** A temporary folder for a replay server to serve; remove() deletes it. */
export async function tempCorpus(prefix = 'replay-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Replace or add a file the way a nightly refresh does: write a temporary name, then rename. */
export async function writeAtomically(dir: string, fileName: string, text: string): Promise<void> {
  const temporary = path.join(dir, `.${fileName}.${process.pid}.tmp`);
  await writeFile(temporary, text);
  await rename(temporary, path.join(dir, fileName));
}

/** Copy every .json file of `from` into `to`, each written atomically (as a refresh replaces files). */
export async function copyJsonFiles(from: string, to: string): Promise<void> {
  for (const name of (await readdir(from)).filter((file) => file.endsWith('.json')).sort()) {
    await writeAtomically(to, name, await readFile(path.join(from, name), 'utf8'));
  }
}

/** A copy of a record with another id, aliases, status or last update date. */
export function rewriteRecord(
  record: RecordShape,
  changes: { nctId?: string; aliases?: string[]; status?: string; lastUpdatePostDate?: string },
): RecordShape {
  const copy = structuredClone(record);
  const identification = copy.protocolSection.identificationModule;
  const status = copy.protocolSection.statusModule;
  if (changes.nctId !== undefined) identification.nctId = changes.nctId;
  if (changes.aliases !== undefined) identification.nctIdAliases = changes.aliases;
  if (changes.status !== undefined) status.overallStatus = changes.status;
  if (changes.lastUpdatePostDate !== undefined) {
    status.lastUpdatePostDateStruct = {
      ...status.lastUpdatePostDateStruct,
      date: changes.lastUpdatePostDate,
    };
  }
  return copy;
}

/**
 * The lifecycle the replay-server and client tests share: the real records read once, replay servers over
 * them closed after each test, and clean-ups run at the end. Call at the top level of a test file.
 */
export function replayFixtures(): {
  sample: (index?: number) => RealRecord;
  serve: (options?: Partial<Parameters<typeof startReplayServer>[0]>) => Promise<ReplayServer>;
  cleanups: (() => Promise<void>)[];
  records: () => RealRecord[];
} {
  let records: RealRecord[] = [];
  const servers: ReplayServer[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(() => {
    records = readRealRecords();
  });
  afterEach(async () => {
    // A test may have closed its server already (to test a dead registry).
    await Promise.all(servers.splice(0).map((server) => server.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await Promise.all(cleanups.map((cleanup) => cleanup()));
  });
  return {
    records: () => records,
    cleanups,
    /** A real record by position, for tests that rewrite one. */
    sample(index = 0) {
      const real = records[index];
      if (!real) throw new Error(`no real record #${String(index)} in ${realRecordsDir}`);
      return real;
    },
    async serve(options = {}) {
      const server = await startReplayServer({ dataDir: realRecordsDir, ...options });
      servers.push(server);
      return server;
    },
  };
}
