// Writes packages/demo-data/{snapshots/2024-04,records}/NCT########.json and planted-changes.json from the
// specs in this folder, formatted as prettier formats JSON: `pnpm --filter @trialwatch/demo-data generate`.
// Rewrites the folders from scratch.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { demoRecordsDir, demoSnapshotDir, plantedChangesPath } from '../index.js';
import { buildDemoData, nctIdOf } from './build-demo-data.js';
import type { StudyRecord } from './build-study.js';

const prettierOptions = { ...(await resolveConfig(plantedChangesPath)), parser: 'json' };

async function writeJson(file: string, value: unknown): Promise<void> {
  writeFileSync(file, await format(JSON.stringify(value), prettierOptions));
}

async function writeRecords(dir: string, records: readonly StudyRecord[]): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const record of records) await writeJson(path.join(dir, `${nctIdOf(record)}.json`), record);
}

const data = buildDemoData();
await writeRecords(demoSnapshotDir('2024-04'), data.snapshot);
await writeRecords(demoRecordsDir, data.today);
await writeJson(plantedChangesPath, data.planted);
process.stdout.write(
  `wrote ${data.snapshot.length} snapshot records, ${data.today.length} records, ${data.planted.length} planted changes\n`,
);
