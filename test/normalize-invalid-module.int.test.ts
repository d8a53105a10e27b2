import { parseStudiesPage, servedJsonWithout } from '@trialwatch/ctgov-client';
import { contentHashOfJson, UNHASHED_SECTION } from '@trialwatch/domain';
import { FETCH_STAGE_MODULES } from '@trialwatch/pipeline';
import { encodeRawBytes } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { handleNormalizeBatch } from '../services/normalizer/src/index.js';
import { createTestRun, usePipelineContext } from './support/harness.js';

/**
 * The fetch stage lays a page out and parses only the modules it reads; a module it did not parse can
 * still turn out not to be JSON when the normalizer parses it. That record is dead-lettered as served,
 * with its reason, and the rest of its batch is stored. Real Redis and database.
 */
describe('a module that is not JSON after all', () => {
  const fixture = usePipelineContext();

  it('is dead-lettered with the record as served; the good record of its batch is stored', async () => {
    const study = (nctId: string, design: string) =>
      `{"protocolSection":{"identificationModule":{"nctId":"${nctId}","briefTitle":"T"},` +
      `"statusModule":{"overallStatus":"RECRUITING","lastUpdatePostDateStruct":{"date":"2026-11-01"}},` +
      `"designModule":${design}},"hasResults":false}`;
    const bad = study('NCT00000002', '{"enrollmentInfo":{"count":tru}}');
    const body = `{"studies":[${study('NCT00000001', '{"studyType":"INTERVENTIONAL"}')},${bad}]}`;
    const page = parseStudiesPage('u', Buffer.from(body), 'protocol', new Set(FETCH_STAGE_MODULES));
    expect(page.studies.map((raw) => raw.nctId)).toEqual(['NCT00000001', 'NCT00000002']);

    const runId = 'run-invalid-module';
    await createTestRun(fixture.context, runId);
    const ids = page.studies.map(
      (raw) => `${raw.nctId ?? ''}@${contentHashOfJson(servedJsonWithout(raw, UNHASHED_SECTION) ?? [])}`,
    );
    const encoded = new Map(
      page.studies.map((raw, index) => [ids[index] ?? '', encodeRawBytes(raw.bytes ?? Buffer.alloc(0))]),
    );
    const held = new Map(page.studies.map((raw, index) => [ids[index] ?? '', raw]));
    await fixture.context.staging.put(runId, 'b0', 'raw', encoded, held);

    const result = await handleNormalizeBatch(fixture.context, { runId, batchId: 'b0', rawIds: ids });
    expect(result).toEqual({ changed: 1, failed: 1 });
    expect((await fixture.context.store.trials.get('NCT00000001'))?.trial.overallStatus).toBe('RECRUITING');
    expect(await fixture.context.store.trials.get('NCT00000002')).toBeNull();
    const letter = await fixture.context.store.deadLetters.get(`invalid-study:${ids[1] ?? ''}`);
    expect(letter).toMatchObject({ errorKind: 'invalid_study', stage: 'normalize' });
    expect(letter?.reason).toMatch(/not valid JSON/);
    expect(letter?.rawText).toBe(bad);
  });
});
