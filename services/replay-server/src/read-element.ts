import { open } from 'node:fs/promises';
import path from 'node:path';
import { selectFields, type Selection } from './select-fields.js';
import { asStudy, tryParse, type StudyEntry } from './study-entry.js';
import { isMissing, stripBom } from './study-index.js';

export interface FileRead {
  bytes: Buffer;
  /** The file is not what the index saw (replaced or edited in place since the last scan). */
  changed: boolean;
}

/** A file's bytes as they are now; null when it vanished. */
export async function readEntryFile(dir: string, entry: StudyEntry): Promise<FileRead | null> {
  let handle;
  try {
    handle = await open(path.join(dir, entry.fileName), 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    const bytes = await handle.readFile();
    const changed = info.ino !== entry.ino || info.size !== entry.size || info.mtimeMs !== entry.mtimeMs;
    return { bytes, changed };
  } finally {
    await handle.close();
  }
}

/**
 * A file as one element of a /studies page: the raw bytes of a study (no re-serialization), the selected
 * parts when `fields` is given, and a JSON string holding the raw text when the file is not a study.
 */
export function pageElement(read: FileRead, entry: StudyEntry, fields: Selection | null): Buffer {
  if (entry.isStudy && !read.changed && fields === null) return withoutBom(read.bytes);
  const text = stripBom(read.bytes.toString('utf8'));
  const study = asStudy(tryParse(text));
  if (study === null) return Buffer.from(JSON.stringify(text), 'utf8');
  if (fields === null) return withoutBom(read.bytes);
  return Buffer.from(JSON.stringify(selectFields(study, fields) ?? {}), 'utf8');
}

/** The body of /studies/{id}: the file as it is, or the selected parts of a study when `fields` is given. */
export function studyBody(read: FileRead, fields: Selection | null): Buffer {
  if (fields === null) return read.bytes;
  const study = asStudy(tryParse(stripBom(read.bytes.toString('utf8'))));
  return study === null ? read.bytes : Buffer.from(JSON.stringify(selectFields(study, fields) ?? {}), 'utf8');
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * A /studies body, chunk by chunk: elements are read a few files ahead and written in order, so a page
 * of 1000 large studies never sits in memory whole. `onElement` counts what was actually sent.
 */
export async function* studiesPageChunks(
  entries: readonly StudyEntry[],
  readElement: (entry: StudyEntry) => Promise<Buffer | null>,
  tail: { nextPageToken: string | null; totalCount: number | null },
  onElement: () => void,
  readAhead = 8,
): AsyncGenerator<Buffer> {
  yield Buffer.from('{"studies":[', 'utf8');
  const pending: Promise<Buffer | null>[] = [];
  let next = 0;
  const fill = (): void => {
    while (next < entries.length && pending.length < readAhead) {
      const reading = readElement(entries[next++] as StudyEntry);
      reading.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      pending.push(reading);
    }
  };
  fill();
  let first = true;
  while (pending.length > 0) {
    const element = await (pending.shift() as Promise<Buffer | null>);
    fill();
    if (element === null) continue;
    if (!first) yield Buffer.from(',', 'utf8');
    first = false;
    onElement();
    yield element;
  }
  let end = ']';
  if (tail.nextPageToken !== null) end += `,"nextPageToken":${JSON.stringify(tail.nextPageToken)}`;
  if (tail.totalCount !== null) end += `,"totalCount":${tail.totalCount}`;
  yield Buffer.from(`${end}}`, 'utf8');
}
