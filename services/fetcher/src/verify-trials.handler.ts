import type { RawStudy } from '@trialwatch/ctgov-client';
import { maybeFinalizeRun, type FetchContext } from '@trialwatch/pipeline';
import { stages, type TrialTransition, type VerifyTrialsPayload } from '@trialwatch/queues';
import type { BatchRecord } from '@trialwatch/store';
import { ingestStudies } from './ingest-studies.js';
import { toStudiesQuery } from './search-query.js';

/**
 * Rolling re-verification: re-fetch known trials by id. Changes flow through like any page; ids the
 * registry no longer serves are removed; for a cohort, served trials that no longer match any of its
 * searches (and are not listed by id) leave it.
 */
export async function handleVerifyTrials(
  context: FetchContext,
  payload: VerifyTrialsPayload,
): Promise<{ checked: number }> {
  const run = await context.store.runs.get(payload.runId);
  if (!run || run.status !== 'running') return { checked: 0 };
  const batchKey = `v${payload.batchIndex}`;
  const served = await fetchAll(context, { filterIds: payload.nctIds });
  const outcome = await ingestStudies(context, run, served, batchKey, {
    stage: 'verify',
    id: stages.verify.jobId(payload),
  });
  const servedIds = new Set(outcome.servedIds);
  const transitions: TrialTransition[] = [];

  const cohort = run.cohort ? await context.store.cohorts.get(run.cohort) : null;
  // Removals and cohort exits are decided on the stored heads (the truth), read only where they can happen:
  // the ids the registry did not serve, and for a cohort the served ones too.
  const notServed = payload.nctIds.filter((id) => !servedIds.has(id));
  const heads = await context.store.trials.heads(cohort ? payload.nctIds : notServed);
  const missing = notServed.filter((id) => heads.has(id));
  const removed = await context.store.trials.markRemoved(missing, run._id, context.now());
  for (const [nctId, versionId] of removed) {
    transitions.push({
      nctId,
      fromVersion: versionId,
      toVersion: null,
      enteredCohorts: [],
      leftCohorts: [],
      removed: true,
    });
  }

  if (cohort && cohort.searches.length > 0) {
    const fixed = new Set(cohort.ids);
    const candidates = [...servedIds].filter(
      (id) => !fixed.has(id) && heads.get(id)?.cohorts.includes(cohort._id),
    );
    if (candidates.length > 0) {
      const matching = new Set<string>();
      for (const search of cohort.searches) {
        const found = await fetchAll(context, { ...search, filterIds: candidates });
        for (const study of found) if (study.nctId) matching.add(study.nctId);
      }
      for (const nctId of candidates.filter((id) => !matching.has(id))) {
        const versionId = heads.get(nctId)?.versionId ?? null;
        transitions.push({
          nctId,
          fromVersion: versionId,
          toVersion: versionId,
          enteredCohorts: [],
          leftCohorts: [cohort._id],
          removed: false,
        });
      }
    }
  }

  const batches: { id: string; record: BatchRecord }[] = [...outcome.batches];
  if (transitions.length > 0) {
    const detectBatchId = `${batchKey}r`;
    await context.queues.enqueue('detect', { runId: run._id, batchId: detectBatchId, transitions });
    batches.push({
      id: detectBatchId,
      record: { origin: 'verify', size: transitions.length, normalized: true, detectBatchId },
    });
  }
  await context.progress.recordVerifyBatch(
    run._id,
    batchKey,
    {
      checked: servedIds.size,
      removed: removed.size,
      queued: outcome.queued,
      batchId: outcome.queued > 0 ? batchKey : null,
    },
    batches,
  );
  await maybeFinalizeRun(context, run);
  return { checked: servedIds.size };
}

async function fetchAll(
  context: FetchContext,
  search: Parameters<typeof toStudiesQuery>[0],
): Promise<RawStudy[]> {
  const studies: RawStudy[] = [];
  for await (const page of context.client.iterateStudies(
    toStudiesQuery(search, null, context.settings.pageSize),
  )) {
    studies.push(...page.studies);
  }
  return studies;
}
