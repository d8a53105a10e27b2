import type { RunsRepository, SyncRunDoc } from '@trialwatch/store';

export class RunWaitError extends Error {
  override readonly name = 'RunWaitError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'missing',
  ) {
    super(message);
  }
}

/**
 * Wait until a run has left `running` (whatever workers work it), polling its document with a growing
 * delay. A database that is away for a while (a restart) does not end the wait: the run goes on in the
 * workers, so each failed read is reported through `onDatabaseError` and retried until the deadline.
 * `timeoutMs` 0 waits for ever.
 */
export async function waitForRun(
  runs: Pick<RunsRepository, 'get'>,
  runId: string,
  options: { timeoutMs?: number; onDatabaseError?: (error: unknown) => void } = {},
): Promise<SyncRunDoc> {
  const deadline = options.timeoutMs ? Date.now() + options.timeoutMs : Number.POSITIVE_INFINITY;
  let delay = 100;
  for (;;) {
    let run: SyncRunDoc | null | undefined;
    try {
      run = await runs.get(runId);
    } catch (error) {
      options.onDatabaseError?.(error);
      delay = 1000;
    }
    if (run === null) throw new RunWaitError(`run ${runId} disappeared from the database`, 'missing');
    if (run && run.status !== 'running') return run;
    if (Date.now() > deadline) {
      throw new RunWaitError(
        `run ${runId} still running after ${String((options.timeoutMs ?? 0) / 1000)} s (are workers up?)`,
        'timeout',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 1.5, 1000);
  }
}
