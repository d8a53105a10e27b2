// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { readRealRecords } from '../../../test/support/real-records.js';
import { normalizeStudy } from './normalize-study.js';
import { isParsedStudy } from './study-validator.js';
import { Study } from './study.schema.js';

type Json = Record<string, unknown>;

/** Every path to a value in a JSON record. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return [at, ...children.flatMap(([key, child]) => paths(child, [...at, key]))];
}

function withValue(record: Json, path: readonly (string | number)[], value: unknown): Json {
  const copy = structuredClone(record);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
  return copy;
}

const REPLACEMENTS: unknown[] = [null, 7, 'text', true, [], {}, [1, 'a'], { x: 1 }, Infinity];

describe('isParsedStudy', () => {
  it('accepts each real record, which zod parses to a copy of itself', () => {
    for (const { raw } of readRealRecords()) {
      expect(isParsedStudy(raw)).toBe(true);
      expect(Study.parse(raw)).toEqual(raw);
    }
  });

  it('accepts nothing that zod rejects or would change, whatever value is put wherever', () => {
    let accepted = 0;
    let rejected = 0;
    for (const { raw } of readRealRecords().slice(0, 4)) {
      const all = paths(raw).filter((path) => path.length > 0);
      // Every path near the root, and a deterministic sample of the deeper ones.
      const sample = all.filter((path, index) => path.length <= 3 || index % 7 === 0);
      for (const path of sample) {
        for (const replacement of REPLACEMENTS) {
          const record = withValue(raw, path, replacement);
          if (isParsedStudy(record)) {
            accepted += 1;
            const parsed = Study.safeParse(record);
            expect(parsed.success, path.join('.')).toBe(true);
            expect(parsed.data, path.join('.')).toEqual(record);
          } else {
            rejected += 1;
          }
        }
      }
    }
    // Both sides were exercised: harmless edits (untyped fields) and real type errors.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('leaves what zod would repair to zod: normalizing gives the same Trial either way', () => {
    const raw = readRealRecords()[0]?.raw ?? {};
    const broken = withValue(
      raw,
      ['protocolSection', 'identificationModule', 'orgStudyIdInfo'],
      'not an object',
    );
    expect(isParsedStudy(broken)).toBe(false);
    // Same content hash given: the records differ only in a field the Trial does not read.
    const repaired = normalizeStudy(broken, { contentHash: 'h' });
    const original = normalizeStudy(raw, { contentHash: 'h' });
    expect(repaired.ok && original.ok).toBe(true);
    expect(repaired.ok && repaired.trial).toEqual(original.ok && original.trial);
  });
});
