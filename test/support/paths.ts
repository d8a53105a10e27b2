import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared folder with the real registry records (other projects' public data, never copied into the
 * repository): ../shared beside the clone, or TRIALWATCH_SHARED_DIR.
 */
export const sharedDir = process.env.TRIALWATCH_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
export const realRecordsDir = path.join(sharedDir, 'ctgov/records');
export const realPagesDir = path.join(sharedDir, 'ctgov/pages');
export const table2TsvPath = path.join(sharedDir, 'domain/table2.tsv');
