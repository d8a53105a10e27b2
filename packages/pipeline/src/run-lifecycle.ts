import type { DeadLetter } from '@trialwatch/queues';
import type { SyncRunDoc } from '@trialwatch/store';
import type { PipelineContext } from './pipeline-context.js';
import { failedFetchKey, runProgress } from './run-progress.js';

/**
 * Called by every stage after it records its step: when nothing of the run is left to do, queue its
 * finalization (once: the job id is the run's). Drained is monotonic, so the finalizer sees it too.
 * A handler that has the run document passes it: only the finalizer changes it (its status), and the
 * finalizer checks the status again itself, so the copy read at the job's start is good enough.
 */
export async function maybeFinalizeRun(
  context: PipelineContext,
  runOrId: SyncRunDoc | string,
): Promise<boolean> {
  const run = typeof runOrId === 'string' ? await context.store.runs.get(runOrId) : runOrId;
  if (!run || run.status !== 'running') return false;
  // Cheap first: while a search is still paging the run cannot be drained (most jobs of a large run).
  if (!(await context.progress.searchesSettled(run._id, run.searches.length))) return false;
  if (!runProgress(await context.progress.snapshot(run)).drained) return false;
  await context.queues.enqueue('finalize', { runId: run._id });
  return true;
}

interface RunScopedPayload {
  runId?: unknown;
  searchIndex?: unknown;
  pageIndex?: unknown;
  batchIndex?: unknown;
  batchId?: unknown;
  nctIds?: unknown;
  rawIds?: unknown;
}

/**
 * A job that failed for good: keep the payload and the reason in the dead-letter store, and tell its
 * run not to wait for it (the run will end incomplete and keep its watermark).
 */
export async function recordDeadLetter(context: PipelineContext, letter: DeadLetter): Promise<void> {
  const payload = (
    typeof letter.payload === 'object' && letter.payload !== null ? letter.payload : {}
  ) as RunScopedPayload;
  const runId = typeof payload.runId === 'string' ? payload.runId : null;
  const firstId = firstNctId(payload);
  await context.store.deadLetters.record(
    {
      _id: `${letter.queue}:${letter.jobId}`,
      stage: letter.stage,
      queue: letter.queue,
      jobId: letter.jobId,
      runId,
      nctId: firstId,
      reason: letter.reason,
      errorKind: letter.errorKind,
      payload: letter.payload,
      rawText: null,
      attempts: letter.attempts,
    },
    context.now(),
  );
  if (!runId) return;
  const progress = context.progress;
  switch (letter.stage) {
    case 'fetch':
      await progress.recordFailedJob(
        runId,
        failedFetchKey(Number(payload.searchIndex), Number(payload.pageIndex)),
        letter.reason,
      );
      break;
    case 'verify':
      await progress.recordFailedJob(runId, `verify-v${String(payload.batchIndex)}`, letter.reason);
      break;
    case 'normalize':
    case 'detect':
      await progress.recordFailedJob(
        runId,
        `${letter.stage}-${String(payload.batchId)}`,
        letter.reason,
        String(payload.batchId),
      );
      break;
    case 'finalize': {
      const run = await context.store.runs.get(runId);
      if (run)
        await context.store.runs.finish(await progress.snapshot(run), 'failed', run.summary, context.now());
      return;
    }
    default:
      return;
  }
  await maybeFinalizeRun(context, runId);
}

function firstNctId(payload: RunScopedPayload): string | null {
  if (Array.isArray(payload.nctIds) && typeof payload.nctIds[0] === 'string') return payload.nctIds[0];
  if (Array.isArray(payload.rawIds) && typeof payload.rawIds[0] === 'string')
    return payload.rawIds[0].split('@')[0] ?? null;
  return null;
}
