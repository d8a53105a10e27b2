import { isAscii } from 'node:buffer';

/**
 * JSON.parse of a UTF-8 body without decoding it to a JS string first. Node's UTF-8 decoder falls to a slow
 * path (about 50 MB/s) as soon as a body holds a few non-ASCII characters, which registry records do
 * (≥, é, curly quotes); a 30 MB page then costs more to decode than to parse. The body is parsed through
 * its latin1 view instead (one char per byte, instant), and only the strings that hold non-ASCII bytes are
 * decoded, run by run. That is exact as long as no \u0080-\u00ff escape could be mistaken for a raw byte;
 * a body that has one is decoded the ordinary way.
 */
export function parseJsonBytes(bytes: Buffer): unknown {
  const parsed = parseJsonView(withoutBom(bytes));
  return parsed.rawUtf8Strings ? decodeStrings(parsed.value) : parsed.value;
}

export interface ParsedView {
  value: unknown;
  /** True when strings still hold raw UTF-8 bytes, one char per byte: pass them through `decodeStrings`. */
  rawUtf8Strings: boolean;
}

/**
 * The first half of `parseJsonBytes` (BOM already removed): the caller decodes strings only where needed,
 * e.g. only the studies of a page whose bytes are not all ASCII.
 */
export function parseJsonView(body: Buffer): ParsedView {
  const view = body.toString('latin1');
  if (isAscii(body)) return { value: JSON.parse(view) as unknown, rawUtf8Strings: false };
  if (/\\u00[89a-f]/i.test(view))
    return { value: JSON.parse(body.toString('utf8')) as unknown, rawUtf8Strings: false };
  return { value: JSON.parse(view) as unknown, rawUtf8Strings: true };
}

/** A body as text (error bodies, bodies that do not parse). */
export function bodyText(bytes: Buffer): string {
  return withoutBom(bytes).toString('utf8');
}

const HAS_RAW_BYTES = /[\x80-\xff]/;
const RAW_BYTE_RUNS = /[\x80-\xff]+/g;

function decodeString(value: string): string {
  if (!HAS_RAW_BYTES.test(value)) return value;
  return value.replace(RAW_BYTE_RUNS, (run) => Buffer.from(run, 'latin1').toString('utf8'));
}

/** Decodes every string (and key) of a value parsed from a latin1 view; arrays and objects in place. */
export function decodeStrings(value: unknown): unknown {
  if (typeof value === 'string') return decodeString(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = decodeStrings(value[index]);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some((key) => HAS_RAW_BYTES.test(key))) {
    // Rare (registry keys are ASCII): rebuild so that the key order stays as served.
    return Object.fromEntries(keys.map((key) => [decodeString(key), decodeStrings(record[key])]));
  }
  for (const key of keys) record[key] = decodeStrings(record[key]);
  return record;
}

export function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
