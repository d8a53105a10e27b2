import { parseStudiesPage, servedJsonWithout } from '@trialwatch/ctgov-client';
import { contentHash, contentHashOfJson, MODELED_MODULES, normalizeStudy, UNHASHED_SECTION } from '@trialwatch/domain';
import { describe, expect, it } from 'vitest';
import { readRealRecords } from '../../../test/support/real-records.js';

/**
 * What the pipeline's client parses of each study (the modeled modules of protocolSection, and hasResults)
 * must be all the domain needs: the same Trial, drift and content hash as from the whole record.
 */
describe('the protocol view the fetch stage reads', () => {
  const modules = new Set(Object.keys(MODELED_MODULES));
  const real = readRealRecords();
  const page = (texts: readonly string[]) =>
    parseStudiesPage('u', Buffer.from(`{"studies":[${texts.join(',')}]}`, 'utf8'), 'protocol', modules);

  it('normalizes every real record exactly as the whole record, served pretty-printed or compact', () => {
    for (const texts of [real.map((record) => record.text), real.map((record) => JSON.stringify(record.raw))]) {
      const studies = page(texts).studies;
      expect(studies).toHaveLength(real.length);
      studies.forEach((study, index) => {
        const whole = real[index]?.raw;
        expect(study.partial).toBe(true);
        const parts = servedJsonWithout(study, UNHASHED_SECTION);
        const hash = contentHashOfJson(parts ?? []);
        expect(hash).toBe(contentHash(whole));
        expect(normalizeStudy(study.record, { contentHash: hash })).toEqual(normalizeStudy(whole));
      });
    }
  });

  it('leaves the modules the domain does not read unparsed', () => {
    const [study] = page([real[0]?.text ?? '{}']).studies;
    const protocol = (study?.record as { protocolSection: Record<string, unknown> }).protocolSection;
    const wholeProtocol = real[0]?.raw.protocolSection as Record<string, unknown>;
    expect(Object.keys(protocol)).toEqual(Object.keys(wholeProtocol));
    for (const [name, value] of Object.entries(protocol)) {
      expect(value).toEqual(modules.has(name) ? wholeProtocol[name] : {});
    }
  });
});
