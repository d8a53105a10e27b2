import type { PipelineContext } from '@trialwatch/pipeline';
import { stages } from '@trialwatch/queues';
import { ensureDefaultCohorts } from './open-sync-run.js';

const SCHEDULER_PREFIX = 'cohort-';

export interface ScheduleState {
  cohort: string;
  cron: string;
  timeZone: string;
  next: string | null;
}

/**
 * Schedules are data: every enabled cohort gets a BullMQ job scheduler that starts its sync; schedulers
 * of removed or disabled cohorts are removed. Safe to run at every boot and from several processes.
 */
export async function reconcileSchedules(
  context: Pick<PipelineContext, 'store' | 'queues' | 'logger'>,
): Promise<ScheduleState[]> {
  await ensureDefaultCohorts(context);
  const cohorts = await context.store.cohorts.list();
  const queue = context.queues.queue('schedule');
  const wanted = new Set<string>();
  for (const cohort of cohorts.filter((candidate) => candidate.enabled)) {
    const id = `${SCHEDULER_PREFIX}${cohort._id}`;
    wanted.add(id);
    await queue.upsertJobScheduler(
      id,
      { pattern: cohort.cron, tz: cohort.timeZone },
      { name: stages.schedule.job, data: { cohort: cohort._id, full: false, trigger: 'schedule' } },
    );
  }
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      context.logger.info({ scheduler: scheduler.key }, 'schedule removed');
    }
  }
  return listSchedules(context);
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
