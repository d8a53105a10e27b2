import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { realRecordsDir } from './paths.js';

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

/** The real records of ../shared, read at test time (never copied into the repository). */
export async function readRealRecords(): Promise<RealRecord[]> {
  const names = (await readdir(realRecordsDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (fileName) => {
      const text = await readFile(path.join(realRecordsDir, fileName), 'utf8');
      return { fileName, text, record: JSON.parse(text) as RecordShape };
    }),
  );
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
