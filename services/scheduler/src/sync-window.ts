import type { WatermarkDoc } from '@trialwatch/store';

const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Where an incremental run starts: one day before the last completed run (as AACT does), and never after
 * one day before the newest LastUpdatePostDate that run saw — so a registry whose clock runs behind ours
 * (or recorded data replayed today) cannot slip updates past the window. Null means a full pull.
 */
export function incrementalWindowFrom(watermark: WatermarkDoc | null): string | null {
  if (!watermark) return null;
  const byRun = isoDay(new Date(watermark.lastCompletedAt.getTime() - DAY_MS));
  if (!watermark.maxLastUpdatePostDate || !/^\d{4}-\d{2}-\d{2}$/.test(watermark.maxLastUpdatePostDate))
    return byRun;
  const byData = isoDay(new Date(Date.parse(`${watermark.maxLastUpdatePostDate}T00:00:00Z`) - DAY_MS));
  return byData < byRun ? byData : byRun;
}
