import type { PipelineContext } from '@trialwatch/pipeline';
import { stages, syncJobSchedulers } from '@trialwatch/queues';
import { ensureDefaultCohorts } from './open-sync-run.js';

const SCHEDULER_PREFIX = 'cohort-';

export interface ScheduleState {
  cohort: string;
  cron: string;
  timeZone: string;
  next: string | null;
}

export interface ReconciledSchedules {
  states: ScheduleState[];
  /** Enabled cohorts whose cron BullMQ rejected, with its reason (they have no schedule). */
  rejected: Map<string, string>;
}

/**
 * Schedules are data: every enabled cohort gets a BullMQ job scheduler that starts its sync; schedulers
 * of removed or disabled cohorts are removed. Safe to run at every boot and from several processes. A cron
 * BullMQ rejects leaves that cohort unscheduled (logged, and returned) without stopping the others.
 */
export async function reconcileSchedules(
  context: Pick<PipelineContext, 'store' | 'queues' | 'logger'>,
): Promise<ReconciledSchedules> {
  await ensureDefaultCohorts(context);
  const cohorts = await context.store.cohorts.list();
  const sync = await syncJobSchedulers(
    context.queues.queue('schedule'),
    stages.schedule.job,
    SCHEDULER_PREFIX,
    cohorts
      .filter((candidate) => candidate.enabled)
      .map((cohort) => ({
        id: `${SCHEDULER_PREFIX}${cohort._id}`,
        pattern: cohort.cron,
        tz: cohort.timeZone,
        data: { cohort: cohort._id, full: false, trigger: 'schedule' },
      })),
  );
  const rejected = new Map(
    [...sync.rejected].map(([id, reason]) => [id.slice(SCHEDULER_PREFIX.length), reason] as const),
  );
  for (const [cohort, reason] of rejected) context.logger.error({ cohort, reason }, 'schedule rejected');
  for (const scheduler of sync.removed) context.logger.info({ scheduler }, 'schedule removed');
  return { states: await listSchedules(context), rejected };
}

export async function listSchedules(context: Pick<PipelineContext, 'queues'>): Promise<ScheduleState[]> {
  const schedulers = await context.queues.queue('schedule').getJobSchedulers();
  return schedulers
    .filter((scheduler) => scheduler.key.startsWith(SCHEDULER_PREFIX))
    .map((scheduler) => ({
      cohort: scheduler.key.slice(SCHEDULER_PREFIX.length),
      cron: scheduler.pattern ?? '',
      timeZone: scheduler.tz ?? 'UTC',
      next: scheduler.next ? new Date(scheduler.next).toISOString() : null,
    }))
    .sort((a, b) => a.cohort.localeCompare(b.cohort));
}

/** What a process running the schedule stage does at boot: reconcile the schedules, and say so. */
export async function reconcileSchedulesAtBoot(
  context: Pick<PipelineContext, 'store' | 'queues' | 'logger'>,
): Promise<void> {
  const { states } = await reconcileSchedules(context);
  context.logger.info({ schedules: states }, 'schedules reconciled');
}
