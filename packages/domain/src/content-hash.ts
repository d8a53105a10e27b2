import { createHash } from 'node:crypto';

/**
 * Canonical JSON, to compare values whatever their key order: object keys sorted (by UTF-16 code units),
 * no whitespace, array order kept, `undefined` members left out as JSON.stringify does. Two values
 * serialize the same exactly when they are equal as JSON. Quoted keys and the sorted order of each object
 * shape are memoized (bounded caches; the output never depends on them), and short strings that need no
 * escaping skip JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

/** The top-level member of a registry record that the content hash leaves out. */
export const UNHASHED_SECTION = 'derivedSection';

/**
 * sha-256 (hex) of a registry record's JSON, in the order the registry serves it, without its top-level
 * `derivedSection` (which the registry rewrites at every daily refresh: versionHolder, reordered MeSH
 * lists). Two copies of a study that differ only there hash the same; any other difference changes the
 * hash, key order included: a registry that reorders keys makes a new version whose fields did not change,
 * which raises no event.
 *
 * The fetch stage computes the same value from the bytes served, without parsing them
 * (`contentHashOfJson`): JSON.stringify writes a parsed record back as the registry serializes it
 * (compact, UTF-8, no \u escapes of printable characters).
 */
export function contentHash(raw: unknown): string {
  let value = raw;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && UNHASHED_SECTION in raw) {
    const { [UNHASHED_SECTION]: _unhashed, ...rest } = raw as Record<string, unknown>;
    value = rest;
  }
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  const json = value === undefined ? 'null' : JSON.stringify(value);
  return createHash('sha256').update(json).digest('hex');
}

/** `contentHash` of a record from its JSON bytes, given in parts (the record without its derivedSection). */
export function contentHashOfJson(parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

function write(value: unknown): string | undefined {
  if (typeof value === 'string') return writeString(value);
  if (typeof value === 'object') {
    if (value === null) return 'null';
    return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // undefined, functions and symbols have no JSON form.
  return undefined;
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i]) ?? 'null';
  }
  return out + ']';
}

function writeObject(object: Record<string, unknown>): string {
  const keys = sortedKeys(Object.keys(object));
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = write(object[key]);
    if (member === undefined) continue;
    out += (first ? '' : ',') + quotedKey(key) + member;
    first = false;
  }
  return out + '}';
}

const SHORT_STRING = 48;

/** JSON.stringify(text), without the native call for short strings that need no escaping. */
function writeString(text: string): string {
  if (text.length > SHORT_STRING) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Control characters, quote, backslash and surrogates (lone ones are escaped) take the exact path.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return '"' + text + '"';
}

const CACHE_LIMIT = 10_000;
const quotedKeys = new Map<string, string>();

/** `"key":`, memoized: records reuse a small set of keys. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key) + ':';
    if (quotedKeys.size < CACHE_LIMIT) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** Object shapes seen (by first key), with their keys in sorted order. */
const shapes = new Map<string, Array<{ keys: readonly string[]; sorted: readonly string[] }>>();
const SHAPES_PER_FIRST_KEY = 16;

function sortedKeys(keys: string[]): readonly string[] {
  if (keys.length < 2) return keys;
  const first = keys[0] as string;
  let known = shapes.get(first);
  if (known) {
    for (const shape of known) if (sameKeys(shape.keys, keys)) return shape.sorted;
  } else if (shapes.size < CACHE_LIMIT) {
    known = [];
    shapes.set(first, known);
  }
  const sorted = [...keys].sort();
  if (known && known.length < SHAPES_PER_FIRST_KEY) known.push({ keys, sorted });
  return sorted;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
