import type { Queue } from 'bullmq';

const CRON_FIELD = /^[\d*?,/LW#A-Za-z-]+$/;

/** A plausible cron pattern: 5 or 6 fields of cron characters (BullMQ parses it for good when scheduling). */
export function isCronPattern(pattern: string): boolean {
  const fields = pattern.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field));
}

/** One job scheduler as data: its id, when it fires, and the job it adds. */
export interface WantedScheduler {
  id: string;
  pattern: string;
  tz: string;
  data: unknown;
}

export interface SchedulerSync {
  /** Ids whose pattern BullMQ rejected, with its reason: left out, the others still scheduled. */
  rejected: Map<string, string>;
  /** Schedulers under the prefix that were no longer wanted, removed. */
  removed: string[];
}

/**
 * Make the queue's job schedulers under `prefix` exactly `wanted` (schedules are data, reconciled at boot
 * and after edits; safe from several processes). A pattern BullMQ cannot parse is not fatal to the others.
 */
export async function syncJobSchedulers(
  queue: Queue,
  jobName: string,
  prefix: string,
  wanted: readonly WantedScheduler[],
): Promise<SchedulerSync> {
  const kept = new Set<string>();
  const rejected = new Map<string, string>();
  for (const scheduler of wanted) {
    try {
      await queue.upsertJobScheduler(
        scheduler.id,
        { pattern: scheduler.pattern, tz: scheduler.tz },
        { name: jobName, data: scheduler.data },
      );
      kept.add(scheduler.id);
    } catch (error) {
      rejected.set(scheduler.id, error instanceof Error ? error.message : String(error));
    }
  }
  const removed: string[] = [];
  for (const scheduler of await queue.getJobSchedulers()) {
    if (scheduler.key.startsWith(prefix) && !kept.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      removed.push(scheduler.key);
    }
  }
  return { rejected, removed };
}
