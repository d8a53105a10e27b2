import { createHash } from 'node:crypto';

/**
 * Canonical JSON, to compare values whatever their key order: object keys sorted (by UTF-16 code units),
 * no whitespace, array order kept, `undefined` members left out as JSON.stringify does. Two values
 * serialize the same exactly when they are equal as JSON. (Off the hot path: the content hash is taken from
 * the bytes served; this compares the PRRT classifications of two versions.)
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
  // undefined, functions and symbols have no JSON form.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  // Strings, numbers (non-finite ones as null) and booleans as JSON writes them.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = write((value as Record<string, unknown>)[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}
