import path from 'node:path';
import { fileURLToPath } from 'node:url';

export * from './planted-change.js';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The registry snapshots the package carries besides today's records. */
export const DEMO_SNAPSHOTS = ['2024-04'] as const;
export type DemoSnapshot = (typeof DEMO_SNAPSHOTS)[number];

/** Today's (2026) records: one `NCT########.json` per trial, in the API v2 shape. */
export const demoRecordsDir = path.join(packageDir, 'records');

/** A snapshot's records: `2024-04` is the registry as the review printed it. */
export function demoSnapshotDir(name: DemoSnapshot): string {
  return path.join(packageDir, 'snapshots', name);
}

/** JSON list of the changes planted between the 2024-04 snapshot and today (`PlantedChange[]`). */
export const plantedChangesPath = path.join(packageDir, 'planted-changes.json');
