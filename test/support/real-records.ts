import fs from 'node:fs';
import path from 'node:path';
import { realRecordsDir } from './paths.js';

/** A real registry record (other projects' public data in ../shared): read at test time, never copied. */
export interface RealRecord {
  file: string;
  nctId: string;
  /** The file's text, as the replay server serves it. */
  text: string;
  raw: Record<string, unknown>;
}

/** Every record in ../shared/ctgov/records, by file name. A fresh parse each call: callers may edit it. */
export function readRealRecords(): RealRecord[] {
  return fs
    .readdirSync(realRecordsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(realRecordsDir, file), 'utf8');
      return {
        file,
        nctId: path.basename(file, '.json'),
        text,
        raw: JSON.parse(text) as Record<string, unknown>,
      };
    });
}

/** One real record (a fresh deep copy), by NCT id. */
export function readRealRecord(nctId: string): Record<string, unknown> {
  const file = path.join(realRecordsDir, `${nctId}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}
