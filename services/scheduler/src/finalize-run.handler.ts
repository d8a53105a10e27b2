import { runProgress, type PipelineContext } from '@trialwatch/pipeline';
import type { FinalizeRunPayload } from '@trialwatch/queues';
import type { SyncRunDoc } from '@trialwatch/store';

export class RunNotDrainedError extends Error {
  override readonly name = 'RunNotDrainedError';
  readonly retryable = true;
  readonly kind = 'run_not_drained';
}

/**
 * Close a drained run: completed when every search got what its totalCount promised, incomplete
 * otherwise. Only a completed run advances the scope's watermark.
 */
export async function handleFinalizeRun(
  context: PipelineContext,
  payload: FinalizeRunPayload,
): Promise<{ status: string }> {
  const stored = await context.store.runs.get(payload.runId);
  if (!stored || stored.status !== 'running') return { status: stored?.status ?? 'missing' };
  const run = await context.progress.snapshot(stored);
  const progress = runProgress(run);
  if (!progress.drained) throw new RunNotDrainedError(`run ${run._id} still has work in flight`);
  const now = context.now();
  const status = progress.incompleteReasons.length > 0 ? 'incomplete' : 'completed';
  const summary: NonNullable<SyncRunDoc['summary']> = {
    ...progress.totals,
    // Batches can overlap (a trial served by two searches): count trials and stored events, not batch sums.
    changed: await context.progress.changedCount(run._id),
    events: await context.progress.eventCount(run._id),
    runId: run._id,
    durationMs: now.getTime() - run.startedAt.getTime(),
    incompleteReason: progress.incompleteReasons.join('; ') || null,
  };
  // The watermark moves before the run reads as completed: whoever sees the run completed (the next sync,
  // a CLI waiting for it) also sees its watermark, and a crash in between leaves a running run to retry.
  // Advancing is idempotent and forward-only, so a retry or a racing finalizer writes it again harmlessly.
  // The mark carries this run's newest LastUpdatePostDate; the watermark folds in the earlier runs'.
  if (status === 'completed') {
    await context.store.runs.advanceWatermark({
      _id: run.scope,
      lastCompletedRunId: run._id,
      lastCompletedAt: run.startedAt,
      maxLastUpdatePostDate: progress.maxLastUpdatePostDate,
    });
  }
  const closed = await context.store.runs.finish(run, status, summary, now);
  if (!closed) return { status: 'already-finished' };
  const raise = (kind: 'run_incomplete' | 'stale_data', message: string) =>
    context.store.opsAlerts.raise({
      _id: `${kind}:${run._id}`,
      kind,
      runId: run._id,
      scope: run.scope,
      message,
      createdAt: now,
    });
  if (status !== 'completed') {
    await raise(
      'run_incomplete',
      `sync run ${run._id} (${run.scope}) is incomplete: ${summary.incompleteReason ?? 'unknown reason'}; the watermark stays`,
    );
    context.logger.error(
      {
        runId: run._id,
        alert: 'run_incomplete',
        reasons: progress.incompleteReasons,
        totals: progress.totals,
      },
      'operational alert: sync run incomplete',
    );
  }
  if (run.dataTimestampStale) {
    await raise(
      'stale_data',
      `the registry's data timestamp ${run.dataTimestamp ?? '(unreadable)'} is older than ${String(context.settings.staleDataHours)} h`,
    );
  }
  context.logger.info({ ...summary, status }, 'sync run finished');
  return { status };
}
