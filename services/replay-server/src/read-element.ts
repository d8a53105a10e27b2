import path from 'node:path';
import { selectFields, type Selection } from './select-fields.js';
import { jsonStringOfBytes, parseJsonBytes, reencode, withoutBom } from './json-bytes.js';
import { asStudy, type StudyEntry } from './study-entry.js';
import { readFileNow, sameIdentity, type Scratch } from './read-file.js';

export interface FileRead {
  bytes: Buffer;
  /** The file is not what the index saw (replaced or edited in place since the last scan). */
  changed: boolean;
}

/** A file's bytes as they are now (in `scratch` when given: see Scratch); null when it vanished. */
export function readEntryFile(dir: string, entry: StudyEntry, scratch?: Scratch): FileRead | null {
  const file = readFileNow(path.join(dir, entry.fileName), undefined, scratch);
  if (!file?.bytes) return null;
  return { bytes: file.bytes, changed: !sameIdentity(entry, file.identity) };
}

/**
 * A file as one element of a /studies page: the raw bytes of a study (no re-serialization), the selected
 * parts when `fields` is given, and a JSON string holding the raw text when the file is not a study.
 */
export function pageElement(read: FileRead, entry: StudyEntry, fields: Selection | null): Buffer {
  if (entry.isStudy && !read.changed && fields === null) return withoutBom(read.bytes);
  const study = asStudy(parseJsonBytes(read.bytes).value);
  if (study === null) return jsonStringOfBytes(read.bytes);
  if (fields === null) return withoutBom(read.bytes);
  return reencode(read.bytes, study, (value) => selectFields(value, fields) ?? {});
}

/** The body of /studies/{id}: the file as it is, or the selected parts of a study when `fields` is given. */
export function studyBody(read: FileRead, fields: Selection | null): Buffer {
  if (fields === null) return read.bytes;
  const study = asStudy(parseJsonBytes(read.bytes).value);
  return study === null
    ? read.bytes
    : reencode(read.bytes, study, (value) => selectFields(value, fields) ?? {});
}

/**
 * A /studies body, chunk by chunk: files are read as the chunks are written, so a page of 1000 large
 * studies never sits in memory whole. A chunk may live in a scratch buffer: the consumer must be done
 * with it (written out, or copied) before it asks for the next one. `onElement` counts what was actually sent; a file that vanished is
 * left out.
 */
export function* studiesPageChunks(
  entries: readonly StudyEntry[],
  readElement: (entry: StudyEntry) => Buffer | null,
  tail: { nextPageToken: string | null; totalCount: number | null },
  onElement: () => void,
): Generator<Buffer> {
  yield Buffer.from('{"studies":[', 'utf8');
  let first = true;
  for (const entry of entries) {
    const element = readElement(entry);
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
