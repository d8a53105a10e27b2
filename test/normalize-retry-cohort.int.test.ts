import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStudiesPage, servedJsonWithout } from '@trialwatch/ctgov-client';
import { contentHashOfJson, UNHASHED_SECTION } from '@trialwatch/domain';
import { FETCH_STAGE_MODULES } from '@trialwatch/pipeline';
import { stages, type DetectChangesPayload } from '@trialwatch/queues';
import { encodeRawBytes } from '@trialwatch/store';
import { describe, expect, it } from 'vitest';
import { handleNormalizeBatch } from '../services/normalizer/src/index.js';
import { realRecordsDir } from './support/paths.js';
import { createTestRun, usePipelineContext } from './support/harness.js';

/**
 * A normalize job can run again after its first attempt wrote the trial heads' mirror but its detect job was
 * lost (a Redis restored from an AOF a second behind, a worker killed between the two). The retry must still
 * hand the detector the new trial's entry into the run's cohort: the mirror already lists the cohort, but the
 * cohort_entered event was never written. Real Redis and database; one real record.
 */
describe('a normalize job retried after its detect job was lost', () => {
  const fixture = usePipelineContext();

  it("still hands the detector the new trial's cohort entry", async () => {
    const { context } = fixture;
    const record = readFileSync(path.join(realRecordsDir, 'NCT00184067.json'));
    const page = parseStudiesPage(
      'u',
      Buffer.from(`{"studies":[${JSON.stringify(JSON.parse(record.toString('utf8')))}]}`),
      'protocol',
      new Set(FETCH_STAGE_MODULES),
    );
    const [study] = page.studies;
    if (!study?.nctId || !study.bytes) throw new Error('the record did not lay out');
    const rawId = `${study.nctId}@${contentHashOfJson(servedJsonWithout(study, UNHASHED_SECTION) ?? [])}`;
    const runId = 'run-retry-cohort';
    await createTestRun(context, runId, 'prrt');
    const payload = { runId, batchId: 'b0', rawIds: [rawId] };
    const detectJobId = stages.detect.jobId({ runId, batchId: 'b0', transitions: [] });
    const enteredCohorts = async () => {
      const job = await context.queues.queue('detect').getJob(detectJobId);
      return (job?.data as DetectChangesPayload | undefined)?.transitions.map((t) => t.enteredCohorts);
    };

    await context.staging.put(runId, 'b0', 'raw', new Map([[rawId, encodeRawBytes(study.bytes)]]));
    expect(await handleNormalizeBatch(context, payload)).toEqual({ changed: 1, failed: 0 });
    expect(await enteredCohorts()).toEqual([['prrt']]);
    expect((await context.heads.get([study.nctId])).get(study.nctId)?.cohorts).toEqual(['prrt']);

    // The detect job is lost; the normalize job runs again (its staged record is gone: it reads the archive).
    await context.queues.queue('detect').remove(detectJobId);
    expect(await handleNormalizeBatch(context, payload)).toEqual({ changed: 1, failed: 0 });
    expect(await enteredCohorts()).toEqual([['prrt']]);
  });
});
