import { createHash } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { readRealRecord, readRealRecords } from '../../../test/support/real-records.js';
import { canonicalJson, contentHash, contentHashOfJson } from './content-hash.js';

type Json = Record<string, unknown>;
const child = (value: unknown, key: string): Json => (value as Json)[key] as Json;

/** Rebuilds every object with its keys in reverse order: same JSON value, different serialization. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reverseKeys((value as Json)[key])]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }, 'x'], é: 'ü' })).toBe(
      '{"a":[{"c":null,"d":true},"x"],"b":1,"é":"ü"}',
    );
  });

  it('escapes strings exactly as JSON.stringify does, short or long', () => {
    const strings = [
      'plain',
      'quote " here',
      'back\\slash',
      'tab\tnew\nline',
      '\u0001',
      'lone \ud800',
      'ok 😀',
      'x'.repeat(200) + '"',
    ];
    for (const text of strings) expect(canonicalJson(text)).toBe(JSON.stringify(text));
  });

  it('leaves out undefined members and writes numbers as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1e21, -0, 0.1] })).toBe('{"b":[null,1e+21,0,0.1]}');
  });

  it('gives a real record the same JSON value back, whatever its key order', () => {
    for (const { raw } of readRealRecords()) {
      const canonical = canonicalJson(raw);
      expect(JSON.parse(canonical)).toEqual(raw);
      expect(canonicalJson(reverseKeys(raw))).toBe(canonical);
    }
  });
});

describe('contentHash', () => {
  it('is the sha-256 of the JSON without derivedSection, in the order served', () => {
    const raw = readRealRecord('NCT04523987');
    const withoutDerived = { ...raw };
    delete withoutDerived.derivedSection;
    const expected = createHash('sha256').update(JSON.stringify(withoutDerived)).digest('hex');
    expect(contentHash(raw)).toBe(expected);
    expect(contentHash(raw)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is what contentHashOfJson gives for the same JSON in parts', () => {
    for (const { raw } of readRealRecords()) {
      const withoutDerived = { ...raw };
      delete withoutDerived.derivedSection;
      const json = Buffer.from(JSON.stringify(withoutDerived), 'utf8');
      const third = Math.floor(json.length / 3);
      expect(contentHashOfJson([json.subarray(0, third), json.subarray(third)])).toBe(contentHash(raw));
    }
  });

  it('ignores a derivedSection-only difference (versionHolder, reordered MeSH lists)', () => {
    const before = readRealRecord('NCT02210780');
    const after = readRealRecord('NCT02210780');
    const derived = child(after, 'derivedSection');
    child(derived, 'miscInfoModule').versionHolder = '2099-01-01';
    const browse = child(derived, 'conditionBrowseModule');
    for (const [key, list] of Object.entries(browse)) {
      if (Array.isArray(list)) browse[key] = (list as unknown[]).slice().reverse();
    }
    expect(contentHash(after)).toBe(contentHash(before));
    delete after.derivedSection;
    expect(contentHash(after)).toBe(contentHash(before));
  });

  it('counts key order as content (the registry always serializes in one order)', () => {
    const raw = readRealRecord('NCT03064438');
    expect(contentHash(reverseKeys(raw))).not.toBe(contentHash(raw));
  });

  it('changes with any other difference', () => {
    const base = contentHash(readRealRecord('NCT03934567'));
    const edits: Array<(raw: Json) => void> = [
      (raw) => {
        child(child(raw, 'protocolSection'), 'statusModule').overallStatus = 'COMPLETED';
      },
      (raw) => {
        const locations = child(child(raw, 'protocolSection'), 'contactsLocationsModule').locations as Json[];
        locations.reverse();
      },
      (raw) => {
        raw.hasResults = true;
      },
      (raw) => {
        const description = child(child(raw, 'protocolSection'), 'descriptionModule');
        description.briefSummary = `${String(description.briefSummary)} `;
      },
      (raw) => {
        raw.annotationSection = {};
      },
    ];
    const hashes = edits.map((edit) => {
      const raw = readRealRecord('NCT03934567');
      edit(raw);
      return contentHash(raw);
    });
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(edits.length);
  });

  it('differs between different records', () => {
    const hashes = readRealRecords().map(({ raw }) => contentHash(raw));
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
