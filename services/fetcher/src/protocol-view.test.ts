import { parseStudiesPage, servedJsonWithout, studyView } from '@trialwatch/ctgov-client';
import {
  contentHash,
  contentHashOfJson,
  MODELED_MODULES,
  normalizeStudy,
  UNHASHED_SECTION,
} from '@trialwatch/domain';
import { FETCH_STAGE_MODULES } from '@trialwatch/pipeline';
import { describe, expect, it } from 'vitest';
import { readRealRecords } from '../../../test/support/real-records.js';

/**
 * The fetch stage parses only the modules it decides with; the normalizer parses the modules the domain
 * models from the same bytes. Together they must be all the domain needs: the same Trial, drift and
 * content hash as from the whole record.
 */
describe('the protocol views of the fetch and normalize stages', () => {
  const fetched = new Set(FETCH_STAGE_MODULES);
  const modeled = new Set(Object.keys(MODELED_MODULES));
  const real = readRealRecords();
  const page = (texts: readonly string[]) =>
    parseStudiesPage('u', Buffer.from(`{"studies":[${texts.join(',')}]}`, 'utf8'), 'protocol', fetched);

  it('normalizes every real record exactly as the whole record, served pretty-printed or compact', () => {
    for (const texts of [
      real.map((record) => record.text),
      real.map((record) => JSON.stringify(record.raw)),
    ]) {
      const studies = page(texts).studies;
      expect(studies).toHaveLength(real.length);
      studies.forEach((study, index) => {
        const whole = real[index]?.raw;
        expect(study.partial).toBe(true);
        const hash = contentHashOfJson(servedJsonWithout(study, UNHASHED_SECTION) ?? []);
        expect(hash).toBe(contentHash(whole));
        expect(normalizeStudy(studyView(study, modeled), { contentHash: hash })).toEqual(
          normalizeStudy(whole),
        );
      });
    }
  });

  it('parses no more than each stage reads', () => {
    const [study] = page([real[0]?.text ?? '{}']).studies;
    const wholeProtocol = real[0]?.raw.protocolSection as Record<string, unknown>;
    const views = [
      [(study?.record as { protocolSection: Record<string, unknown> }).protocolSection, fetched],
      [study && (studyView(study, modeled).protocolSection as Record<string, unknown>), modeled],
    ] as const;
    for (const [protocol, parsed] of views) {
      expect(Object.keys(protocol ?? {})).toEqual(Object.keys(wholeProtocol));
      for (const [name, value] of Object.entries(protocol ?? {})) {
        expect(value).toEqual(parsed.has(name) ? wholeProtocol[name] : {});
      }
    }
  });

  it('studyView refuses a module that is not JSON after all', () => {
    const text =
      '{"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},"statusModule":{},"designModule":{"x":tru}}}';
    const [study] = page([text]).studies;
    expect(study?.nctId).toBe('NCT00000001');
    expect(() => study && studyView(study, modeled)).toThrow(/not JSON/);
  });
});
