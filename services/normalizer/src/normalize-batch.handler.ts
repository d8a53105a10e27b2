import { normalizeStudy } from '@trialwatch/domain';
import { maybeFinalizeRun, type PipelineContext } from '@trialwatch/pipeline';
import type { NormalizeBatchPayload, TrialTransition } from '@trialwatch/queues';
import type { TrialVersionDoc } from '@trialwatch/store';

/**
 * Normalize archived records into versions and move each trial's head (compare-and-set). A record that
 * is not a valid study is dead-lettered with its reason; its raw text stays in the archive.
 */
export async function handleNormalizeBatch(
  context: PipelineContext,
  payload: NormalizeBatchPayload,
): Promise<{ changed: number; failed: number }> {
  const { store } = context;
  const run = await store.runs.get(payload.runId);
  if (!run) return { changed: 0, failed: 0 };
  const now = context.now();
  const rawIds = [...new Set(payload.rawIds)];
  const raws = await store.raw.byIds(rawIds);
  let failed = rawIds.length - raws.length;
  for (const missing of rawIds.filter((id) => !raws.some((raw) => raw._id === id))) {
    context.logger.error({ rawId: missing }, 'raw record missing from the archive');
  }

  const versions: TrialVersionDoc[] = [];
  const drift: { kind: string; path: string; value: string | null; nctId: string }[] = [];
  for (const raw of raws) {
    const result = normalizeStudy(raw.record);
    if (!result.ok) {
      failed += 1;
      await store.deadLetters.record(
        {
          _id: `invalid-study:${raw._id}`,
          stage: 'normalize',
          queue: 'sync-normalize',
          jobId: `${payload.runId}.n.${payload.batchId}`,
          runId: payload.runId,
          nctId: raw.nctId,
          reason: `${result.reason}${result.issues.length ? `: ${result.issues.slice(0, 5).join('; ')}` : ''}`,
          errorKind: 'invalid_study',
          payload: { rawId: raw._id },
          rawText: JSON.stringify(raw.record),
          attempts: 1,
        },
        now,
      );
      continue;
    }
    for (const item of result.drift) drift.push({ kind: item.kind, path: item.path, value: item.value ?? null, nctId: raw.nctId });
    versions.push({
      _id: raw._id,
      nctId: raw.nctId,
      contentHash: raw.contentHash,
      trial: result.trial,
      runId: payload.runId,
      lastUpdatePostDate: result.trial.lastUpdatePostDate,
      dataTimestamp: run.dataTimestamp,
      detectedAt: now,
    });
  }

  await store.versions.insert(versions);
  const heads = await store.trials.heads(versions.map((version) => version.nctId));
  const outcomes = await store.trials.applyVersions(versions, heads, { cohort: run.cohort, now });
  const transitions: TrialTransition[] = [];
  for (const version of versions) {
    const outcome = outcomes.get(version._id);
    const moved =
      outcome?.kind === 'applied' || (outcome?.kind === 'current' && outcome.appliedByRun === payload.runId);
    if (!moved) continue;
    const head = heads.get(version.nctId);
    const entered = run.cohort && !(head?.cohorts.includes(run.cohort) ?? false) ? [run.cohort] : [];
    transitions.push({
      nctId: version.nctId,
      fromVersion: outcome.previousId,
      toVersion: version._id,
      enteredCohorts: entered,
      leftCohorts: [],
      removed: false,
    });
  }
  if (drift.length > 0) await store.drift.record(payload.runId, drift, now);
  await context.progress.markChanged(payload.runId, transitions.map((transition) => transition.nctId));

  const detectBatchId = transitions.length > 0 ? payload.batchId : null;
  if (detectBatchId) await context.queues.enqueue('detect', { runId: payload.runId, batchId: detectBatchId, transitions });
  await context.progress.recordNormalized(payload.runId, payload.batchId, {
    stored: versions.length,
    changed: transitions.length,
    failed,
    detectBatchId,
  });
  await maybeFinalizeRun(context, payload.runId);
  return { changed: transitions.length, failed };
}
