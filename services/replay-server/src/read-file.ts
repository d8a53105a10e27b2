import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** What tells two versions of a file apart without reading them. */
export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity): boolean {
  return a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * One growing buffer that successive reads reuse, so that reading thousands of files makes no garbage
 * (garbage Buffers are external memory, which V8 collects late: RSS would climb by tens of MB). What a
 * read returns is valid until the next read with the same scratch.
 */
export interface Scratch {
  get(size: number): Buffer;
}

export function createScratch(): Scratch {
  let buffer = Buffer.allocUnsafe(0);
  return {
    get(size) {
      if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, buffer.length * 2, 256 * 1024));
      return buffer;
    },
  };
}

/**
 * A file's identity and bytes, read synchronously: for page-cached files this is several times cheaper
 * than the promise API's thread-pool round trips (open, fstat, read, close each). `skipRead` returning
 * true leaves `bytes` null. Null when the file vanished or is not a regular file. With a scratch, the
 * bytes live in it (see Scratch); without, in a buffer of their own.
 */
export function readFileNow(
  file: string,
  skipRead: (identity: FileIdentity) => boolean = () => false,
  scratch?: Scratch,
): { identity: FileIdentity; bytes: Buffer | null } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return null;
    const identity = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
    if (skipRead(identity)) return { identity, bytes: null };
    const bytes = scratch ? scratch.get(info.size) : Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const count = readSync(fd, bytes, filled, info.size - filled, filled);
      if (count === 0) break;
      filled += count;
    }
    return { identity, bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** For long synchronous loops: `await tick()` gives the event loop a turn once `sliceMs` have passed. */
export function timeSlicer(sliceMs = 50): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < sliceMs) return;
    await nextTurn();
    started = performance.now();
  };
}
