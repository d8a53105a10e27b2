import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { indexStudyText, type StudyEntry } from './study-entry.js';

/** One consistent view of the folder; a request keeps the snapshot it started with. */
export interface IndexSnapshot {
  dir: string;
  generation: number;
  /** Sorted by id (then file name), so that paging is stable. */
  entries: readonly StudyEntry[];
  byId: ReadonlyMap<string, StudyEntry>;
  /** alias id → canonical id. */
  aliases: ReadonlyMap<string, string>;
  newestMtimeMs: number;
  scanMs: number;
  filesRead: number;
}

export interface StudyIndex {
  current(): IndexSnapshot;
  /** Re-scan when the folder's mtime changed (or a served file was seen to change); reuses unchanged entries. */
  refresh(): Promise<IndexSnapshot>;
  /** Ask for a full re-scan at the next refresh (a file changed in place, or vanished, under a request). */
  markStale(): void;
}

const SCAN_CONCURRENCY = 32;

export async function openStudyIndex(dir: string): Promise<StudyIndex> {
  let snapshot = await scan(dir, new Map(), 1);
  let dirMtimeNs = snapshot.dirMtimeNs;
  let stale = false;
  let inFlight: Promise<IndexSnapshot> | null = null;

  async function refresh(): Promise<IndexSnapshot> {
    const mtimeNs = (await stat(dir, { bigint: true })).mtimeNs;
    if (mtimeNs === dirMtimeNs && !stale) return snapshot;
    inFlight ??= (async () => {
      try {
        stale = false;
        const previous = new Map(snapshot.entries.map((entry) => [entry.fileName, entry]));
        const next = await scan(dir, previous, snapshot.generation + 1);
        snapshot = next;
        dirMtimeNs = next.dirMtimeNs;
        return next;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    current: () => snapshot,
    refresh,
    markStale() {
      stale = true;
    },
  };
}

async function scan(
  dir: string,
  previous: ReadonlyMap<string, StudyEntry>,
  generation: number,
): Promise<IndexSnapshot & { dirMtimeNs: bigint }> {
  const started = performance.now();
  // The folder's mtime is read before its listing: a change during the scan triggers another one.
  const dirMtimeNs = (await stat(dir, { bigint: true })).mtimeNs;
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.json'));
  let filesRead = 0;
  const loaded = await mapLimit(names, SCAN_CONCURRENCY, async (fileName): Promise<StudyEntry | null> => {
    const file = path.join(dir, fileName);
    try {
      const info = await stat(file);
      if (!info.isFile()) return null;
      const identity = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
      const known = previous.get(fileName);
      if (
        known &&
        known.size === identity.size &&
        known.mtimeMs === identity.mtimeMs &&
        known.ino === identity.ino
      ) {
        return known;
      }
      filesRead++;
      return indexStudyText(fileName, stripBom(await readFile(file, 'utf8')), identity);
    } catch (error) {
      if (isMissing(error)) return null; // removed while we listed
      throw error;
    }
  });
  const entries = loaded
    .filter((entry): entry is StudyEntry => entry !== null)
    .sort((a, b) => compare(a.id, b.id) || compare(a.fileName, b.fileName));
  const byId = new Map<string, StudyEntry>();
  const aliases = new Map<string, string>();
  let newestMtimeMs = 0;
  for (const entry of entries) {
    if (!byId.has(entry.id)) byId.set(entry.id, entry);
    for (const alias of entry.aliases) aliases.set(alias.toUpperCase(), entry.id);
    newestMtimeMs = Math.max(newestMtimeMs, entry.mtimeMs);
  }
  const scanMs = performance.now() - started;
  return { dir, generation, entries, byId, aliases, newestMtimeMs, scanMs, filesRead, dirMtimeNs };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Promise.all over `items` with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
