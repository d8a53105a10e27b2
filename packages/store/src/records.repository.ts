import { isAscii } from 'node:buffer';
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import { normalizeStudy, type Trial } from '@trialwatch/domain';
import { Binary, type Collection, type FindCursor } from 'mongodb';
import type { NewTrialVersion, TrialVersionDoc } from './documents.js';
import { findByIds } from './find-by-ids.js';
import { insertNew } from './store.js';

/**
 * How a version sits in the database: its metadata and the record as served. The Trial is not stored: it
 * is what normalizing that record gives, made again when a version is read (`decode`), so history reads
 * and diffs of old versions go through the normalizer of today. Versions written before this kept their
 * Trial as UTF-8 JSON (`trial`), which is still read.
 */
export interface StoredVersionDoc extends Omit<TrialVersionDoc, 'trial'> {
  /** The Trial as UTF-8 JSON, in versions written before the Trial was derived on read. */
  trial?: Binary;
  /** The record as served, UTF-8 JSON, in the archive format (encodeRawBytes). */
  raw: Binary;
}

/** A stored version whose record no longer normalizes (it did when it was stored). */
export class UnreadableVersionError extends Error {
  override readonly name = 'UnreadableVersionError';
}

/**
 * The archive format of a raw record: the byte 0x06, then its JSON bytes brotli-compressed at quality 1
 * (~4x smaller, as small as deflate level 1 and measured twice as fast: 56 vs 102-126 µs for the 21 KB mean
 * record, docs/BENCHMARKS.md). Archives written before are raw deflate, whose first byte never has bits
 * 1-2 both set (block type 3 is reserved), so 0x06 tells the formats apart; both decode.
 * The fetcher encodes once; the same bytes are staged for the normalizer and stored with the version.
 */
export function encodeRawRecord(record: unknown): Buffer {
  return encodeRawBytes(Buffer.from(asciiJson(record), 'latin1'));
}

const BROTLI_ARCHIVE = 0x06;

/** The archive of a record from its JSON bytes exactly as served (UTF-8): no serialization at all. */
export function encodeRawBytes(json: Uint8Array): Buffer {
  const compressed = brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
    },
  });
  const archive = Buffer.allocUnsafe(compressed.length + 1);
  archive[0] = BROTLI_ARCHIVE;
  compressed.copy(archive, 1);
  return archive;
}

/** The archived record's JSON bytes, as served. */
export function decodeRawJson(bytes: Uint8Array): Buffer {
  return bytes[0] === BROTLI_ARCHIVE ? brotliDecompressSync(bytes.subarray(1)) : inflateRawSync(bytes);
}

export function decodeRawRecord(bytes: Uint8Array): unknown {
  return parseJsonBuffer(decodeRawJson(bytes));
}

/** The archived record's JSON text, as served. */
export function decodeRawText(bytes: Uint8Array): string {
  return decodeRawJson(bytes).toString('utf8');
}

/** JSON bytes: through the latin1 view when they are ASCII (a copy; Node's UTF-8 decoder is slower). */
function parseJsonBuffer(json: Buffer): unknown {
  return JSON.parse(isAscii(json) ? json.toString('latin1') : json.toString('utf8')) as unknown;
}

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON with every non-ASCII character escaped (\uXXXX): the bytes are ASCII, so they decode through the
 * latin1 view (a copy) instead of Node's UTF-8 decoder, which is slow on text with a few non-ASCII
 * characters (measured: it was the largest single cost of the worker).
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(version: NewTrialVersion): StoredVersionDoc {
  const { rawRecord, trial: _trial, ...meta } = version;
  return { ...meta, raw: new Binary(rawRecord) };
}

function decode(doc: StoredVersionDoc): TrialVersionDoc {
  const { raw: _raw, trial, ...meta } = doc;
  return {
    ...meta,
    trial: trial ? (parseJsonBuffer(Buffer.from(trial.buffer)) as Trial) : derivedTrial(doc),
  };
}

/** The Trial of a version: its archived record, normalized (with the content hash it was stored under). */
function derivedTrial(doc: StoredVersionDoc): Trial {
  const result = normalizeStudy(decodeRawRecord(doc.raw.buffer), { contentHash: doc.contentHash });
  if (!result.ok) {
    throw new UnreadableVersionError(
      `version ${doc._id}: its archived record no longer normalizes: ${result.reason} ${result.issues.slice(0, 3).join('; ')}`,
    );
  }
  return result.trial;
}

/** What `decode` needs besides the fields asked for. */
const DECODE_FIELDS = { _id: 1, contentHash: 1, raw: 1, trial: 1 } as const;

/** Append-only versions, and the raw archive that travels with them. */
export class VersionsRepository {
  constructor(private readonly versions: Collection<StoredVersionDoc>) {}

  /** Versions are keyed by content: inserting one twice keeps the first. Returns how many were new. */
  async insert(docs: readonly NewTrialVersion[]): Promise<number> {
    return insertNew(this.versions, docs.map(encode));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, TrialVersionDoc>> {
    const docs = await findByIds(this.versions, ids);
    return new Map(docs.map((doc) => [doc._id, decode(doc)]));
  }

  async get(id: string): Promise<TrialVersionDoc | null> {
    const doc = await this.versions.findOne({ _id: id });
    return doc ? decode(doc) : null;
  }

  /** The record exactly as the registry served it for this version. */
  async raw(id: string): Promise<unknown> {
    const doc = await this.versions.findOne({ _id: id }, { projection: { raw: 1 } });
    return doc ? decodeRawRecord(doc.raw.buffer) : undefined;
  }

  /** Archived records of several versions, still encoded (for a retried normalization). */
  async encodedRaws(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const docs = await findByIds(this.versions, ids, { raw: 1 });
    return new Map(docs.map((doc) => [doc._id, Buffer.from(doc.raw.buffer)]));
  }

  /**
   * Every version, in `_id` order, streamed and decoded (for exports). `fields` (a projection of the
   * version's fields) limits what is read besides what the Trial is made from; without it, everything.
   */
  stream(fields?: Readonly<Record<string, 0 | 1>>): FindCursor<TrialVersionDoc> {
    const projection = fields ? { ...fields, ...DECODE_FIELDS } : {};
    return this.versions
      .find({}, { projection })
      .sort({ _id: 1 })
      .map((doc) => decode(doc as StoredVersionDoc));
  }

  async count(): Promise<number> {
    return this.versions.estimatedDocumentCount();
  }
}
