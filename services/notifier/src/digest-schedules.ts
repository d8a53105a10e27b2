import type { PipelineContext } from '@trialwatch/pipeline';
import { stages, syncJobSchedulers } from '@trialwatch/queues';

const SCHEDULER_PREFIX = 'digest-';
/** Every day at 07:00 UTC, for the day before. */
export const DEFAULT_DIGEST_CRON = '0 7 * * *';
export interface DigestScheduleState {
  subscriptionId: string;
  cron: string;
  next: string | null;
}

/**
 * Digest schedules are data, like cohort schedules: every enabled digest subscription gets a BullMQ job
 * scheduler on the digest queue (UTC), whose jobs carry no day (they report the day before they run);
 * schedulers of removed, disabled or re-channelled subscriptions are removed. Safe at every boot and from
 * several processes. A pattern BullMQ rejects is logged and skipped, not fatal to the others.
 */
export async function reconcileDigestSchedules(
  context: Pick<PipelineContext, 'store' | 'queues' | 'logger'>,
): Promise<DigestScheduleState[]> {
  const subscriptions = await context.store.subscriptions.list();
  const { rejected, removed } = await syncJobSchedulers(
    context.queues.queue('digest'),
    stages.digest.job,
    SCHEDULER_PREFIX,
    subscriptions
      .filter((candidate) => candidate.enabled && candidate.channel === 'digest')
      .map((subscription) => ({
        id: `${SCHEDULER_PREFIX}${subscription._id}`,
        pattern: subscription.digestCron ?? DEFAULT_DIGEST_CRON,
        tz: 'UTC',
        data: { subscriptionId: subscription._id },
      })),
  );
  for (const [scheduler, reason] of rejected)
    context.logger.error({ scheduler, reason }, 'digest schedule rejected');
  for (const scheduler of removed) context.logger.info({ scheduler }, 'digest schedule removed');
  return listDigestSchedules(context);
}

export async function listDigestSchedules(
  context: Pick<PipelineContext, 'queues'>,
): Promise<DigestScheduleState[]> {
  const schedulers = await context.queues.queue('digest').getJobSchedulers();
  return schedulers
    .filter((scheduler) => scheduler.key.startsWith(SCHEDULER_PREFIX))
    .map((scheduler) => ({
      subscriptionId: scheduler.key.slice(SCHEDULER_PREFIX.length),
      cron: scheduler.pattern ?? '',
      next: scheduler.next ? new Date(scheduler.next).toISOString() : null,
    }))
    .sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId));
}

/** What a process running the digest stage does at boot: reconcile the digest schedules, and say so. */
export async function reconcileDigestSchedulesAtBoot(
  context: Pick<PipelineContext, 'store' | 'queues' | 'logger'>,
): Promise<void> {
  const schedules = await reconcileDigestSchedules(context);
  context.logger.info({ schedules: schedules.length }, 'digest schedules reconciled');
}
