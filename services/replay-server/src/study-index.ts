import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createScratch, readFileNow, sameIdentity, timeSlicer } from './read-file.js';
import { indexStudyFile, type StudyEntry } from './study-entry.js';

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
  const loaded: (StudyEntry | null)[] = [];
  const tick = timeSlicer(); // a re-scan of a large folder must not stall requests in flight
  const scratch = createScratch();
  for (const fileName of names) {
    await tick();
    const known = previous.get(fileName);
    const file = readFileNow(path.join(dir, fileName), (identity) => sameIdentity(known, identity), scratch);
    if (file?.bytes) filesRead++;
    loaded.push(
      file === null
        ? null
        : file.bytes === null
          ? (known ?? null)
          : indexStudyFile(fileName, file.bytes, file.identity),
    );
  }
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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
