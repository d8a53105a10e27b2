import { InvalidResponseError, studyView, type RawStudy } from '@trialwatch/ctgov-client';
import { MODELED_MODULES, normalizeStudy, type NormalizeResult, type Trial } from '@trialwatch/domain';
import { maybeFinalizeRun, type PipelineContext } from '@trialwatch/pipeline';
import {
  PermanentJobError,
  stages,
  type NormalizeBatchPayload,
  type TrialTransition,
} from '@trialwatch/queues';
import { decodeRawRecord, decodeRawText, type NewTrialVersion, type TrialHead } from '@trialwatch/store';

const NORMALIZED_MODULES: ReadonlySet<string> = new Set(Object.keys(MODELED_MODULES));

/**
 * Normalize a batch of changed records into versions (archiving each record with its version) and move
 * each trial's head. A record that is not a valid study is dead-lettered with its reason and raw text.
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
  // What the fetcher staged: from this process's memory when it staged it here, else from Redis.
  const local = context.staging.takeLocal(payload.runId, payload.batchId, 'raw');
  const records = await loadRecords(context, payload.runId, payload.batchId, rawIds, local?.encoded);

  let failed = 0;
  const versions: NewTrialVersion[] = [];
  const drift: { kind: string; path: string; value: string | null; nctId: string }[] = [];
  for (const rawId of rawIds) {
    const [nctId = '', contentHash = ''] = rawId.split('@');
    // loadRecords has every id of the batch, or threw.
    const encoded = records.get(rawId) as Buffer;
    const result = normalizeRecord(local?.decoded.get(rawId) as RawStudy | undefined, encoded, contentHash);
    if (!result.ok) {
      failed += 1;
      await store.deadLetters.record(
        {
          _id: `invalid-study:${rawId}`,
          stage: 'normalize',
          queue: stages.normalize.queue,
          jobId: stages.normalize.jobId(payload),
          runId: payload.runId,
          nctId,
          reason: `${result.reason}${result.issues.length ? `: ${result.issues.slice(0, 5).join('; ')}` : ''}`,
          errorKind: 'invalid_study',
          payload: { rawId },
          // The record as served (the fetcher may have parsed only part of it).
          rawText: decodeRawText(encoded),
          attempts: 1,
        },
        now,
      );
      continue;
    }
    for (const item of result.drift)
      drift.push({ kind: item.kind, path: item.path, value: item.value ?? null, nctId });
    versions.push({
      _id: rawId,
      nctId,
      contentHash,
      trial: result.trial,
      rawRecord: encoded,
      runId: payload.runId,
      lastUpdatePostDate: result.trial.lastUpdatePostDate,
      dataTimestamp: run.dataTimestamp,
      detectedAt: now,
    });
  }

  await store.versions.insert(versions);
  const heads = await context.heads.get(versions.map((version) => version.nctId));
  const outcomes = await store.trials.applyVersions(versions, heads, { cohort: run.cohort, now });
  const transitions: TrialTransition[] = [];
  const movedHeads: TrialHead[] = [];
  const settledElsewhere: string[] = [];
  const decodedTrials = new Map<string, Trial>();
  for (const version of versions) {
    const outcome = outcomes.get(version._id);
    const moved =
      outcome?.kind === 'applied' || (outcome?.kind === 'current' && outcome.appliedByRun === payload.runId);
    if (outcome?.kind !== 'applied') settledElsewhere.push(version.nctId);
    if (!moved) continue;
    const head = heads.get(version.nctId);
    const cohorts = head?.cohorts ?? (run.cohort ? [run.cohort] : []);
    movedHeads.push({
      nctId: version.nctId,
      versionId: version._id,
      contentHash: version.contentHash,
      lastUpdatePostDate: version.lastUpdatePostDate,
      cohorts,
      removed: false,
    });
    decodedTrials.set(version._id, version.trial);
    transitions.push({
      nctId: version.nctId,
      fromVersion: outcome.previousId,
      toVersion: version._id,
      // A trial whose first version this run applied entered the run's cohort with it, whatever the head
      // mirror says: a retry after the mirror was written (and the detect job lost) must not skip the entry.
      enteredCohorts:
        run.cohort && (outcome.previousId === null || !(head?.cohorts.includes(run.cohort) ?? false))
          ? [run.cohort]
          : [],
      leftCohorts: [],
      removed: false,
    });
  }
  // Heads settled against the database (a cold cache, a retry, an older version) are re-read for the cache.
  const reread = await store.trials.heads(settledElsewhere);
  await context.heads.set([...movedHeads.filter((head) => !reread.has(head.nctId)), ...reread.values()]);
  if (drift.length > 0) await store.drift.record(payload.runId, drift, now);
  await context.progress.markChanged(
    payload.runId,
    transitions.map((transition) => transition.nctId),
  );

  const detectBatchId = transitions.length > 0 ? payload.batchId : null;
  if (detectBatchId) {
    // A detector in this process takes the Trials from memory; any other reads them from their versions.
    context.staging.hold(payload.runId, detectBatchId, 'trials', decodedTrials);
    await context.queues.enqueue('detect', { runId: payload.runId, batchId: detectBatchId, transitions });
  }
  await context.progress.recordNormalized(payload.runId, payload.batchId, {
    stored: versions.length,
    changed: transitions.length,
    failed,
    detectBatchId,
  });
  await context.staging.drop(payload.runId, payload.batchId, 'raw');
  await maybeFinalizeRun(context, run);
  return { changed: transitions.length, failed };
}

/**
 * One record normalized: the study the fetcher held in this process's memory (the modules normalized are
 * parsed from its bytes now), else the archive's bytes. A record that is not JSON after all fails as an
 * invalid study does.
 */
function normalizeRecord(held: RawStudy | undefined, encoded: Buffer, contentHash: string): NormalizeResult {
  try {
    const record = held
      ? held.partial
        ? studyView(held, NORMALIZED_MODULES)
        : held.record
      : decodeRawRecord(encoded);
    return normalizeStudy(record, { contentHash });
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof InvalidResponseError)) throw error;
    return { ok: false, reason: 'The record as served is not valid JSON.', issues: [error.message] };
  }
}

/**
 * The batch's records (encoded): staged by the fetcher (`held`: the bytes this process staged itself), or
 * (a retry after they were dropped) from the archive.
 */
async function loadRecords(
  context: PipelineContext,
  runId: string,
  batchId: string,
  rawIds: readonly string[],
  held?: ReadonlyMap<string, Buffer>,
): Promise<Map<string, Buffer>> {
  const records = held ? new Map(held) : await context.staging.take(runId, batchId, 'raw', rawIds);
  const missing = rawIds.filter((id) => !records.has(id));
  if (missing.length > 0) {
    for (const [id, encoded] of await context.store.versions.encodedRaws(missing)) records.set(id, encoded);
  }
  const lost = rawIds.filter((id) => !records.has(id));
  if (lost.length > 0) {
    throw new PermanentJobError(
      `${String(lost.length)} staged record(s) of batch ${batchId} expired before normalization (first: ${lost[0] ?? ''})`,
      'staged_records_lost',
    );
  }
  return records;
}
