import type { PipelineContext } from '@trialwatch/pipeline';
import { stages } from '@trialwatch/queues';

const SCHEDULER_PREFIX = 'digest-';
/** Every day at 07:00 UTC, for the day before. */
export const DEFAULT_DIGEST_CRON = '0 7 * * *';
const CRON_FIELD = /^[\d*?,/LW#A-Za-z-]+$/;

/** A plausible cron pattern: 5 or 6 fields of cron characters (BullMQ parses it for good at reconcile). */
export function isCronPattern(pattern: string): boolean {
  const fields = pattern.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field));
}

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
  const queue = context.queues.queue('digest');
  const wanted = new Set<string>();
  const subscriptions = await context.store.subscriptions.list();
  for (const subscription of subscriptions.filter(
    (candidate) => candidate.enabled && candidate.channel === 'digest',
  )) {
    const id = `${SCHEDULER_PREFIX}${subscription._id}`;
    try {
      await queue.upsertJobScheduler(
        id,
        { pattern: subscription.digestCron ?? DEFAULT_DIGEST_CRON, tz: 'UTC' },
        { name: stages.digest.job, data: { subscriptionId: subscription._id } },
      );
      wanted.add(id);
    } catch (error) {
      context.logger.error({ err: error, subscriptionId: subscription._id }, 'digest schedule rejected');
    }
  }
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith(SCHEDULER_PREFIX) && !wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      context.logger.info({ scheduler: scheduler.key }, 'digest schedule removed');
    }
  }
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
