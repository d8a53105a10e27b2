import { z } from 'zod';
import type { DefaultJobOptions } from 'bullmq';

const RunId = z.string().regex(/^[A-Za-z0-9_-]+$/);
const NctId = z.string().regex(/^NCT\d{8}$/);
/** `nctId@contentHash`: the key of a raw record and of a version. */
const VersionKey = z.string().regex(/^NCT\d{8}@[0-9a-f]{16,64}$/);

export const FetchPagePayload = z.object({
  runId: RunId,
  /** Which of the run's searches this page belongs to. */
  searchIndex: z.number().int().min(0),
  pageIndex: z.number().int().min(0),
  pageToken: z.string().nullable(),
});
export type FetchPagePayload = z.infer<typeof FetchPagePayload>;

export const VerifyTrialsPayload = z.object({
  runId: RunId,
  batchIndex: z.number().int().min(0),
  nctIds: z.array(NctId).min(1).max(1000),
});
export type VerifyTrialsPayload = z.infer<typeof VerifyTrialsPayload>;

export const NormalizeBatchPayload = z.object({
  runId: RunId,
  batchId: z.string().min(1),
  rawIds: z.array(VersionKey).min(1),
});
export type NormalizeBatchPayload = z.infer<typeof NormalizeBatchPayload>;

export const TrialTransition = z.object({
  nctId: NctId,
  fromVersion: VersionKey.nullable(),
  toVersion: VersionKey.nullable(),
  /** Cohort membership moves found on the way (entered when fetched for a cohort it was not in yet). */
  enteredCohorts: z.array(z.string()).default([]),
  leftCohorts: z.array(z.string()).default([]),
  /** The registry no longer serves the trial. */
  removed: z.boolean().default(false),
});
export type TrialTransition = z.infer<typeof TrialTransition>;

export const DetectChangesPayload = z.object({
  runId: RunId,
  batchId: z.string().min(1),
  transitions: z.array(TrialTransition).min(1),
});
export type DetectChangesPayload = z.infer<typeof DetectChangesPayload>;

export const FinalizeRunPayload = z.object({ runId: RunId });
export type FinalizeRunPayload = z.infer<typeof FinalizeRunPayload>;

export const DeliverEventPayload = z.object({
  eventId: z.string().min(1),
  subscriptionId: z.string().min(1),
});
export type DeliverEventPayload = z.infer<typeof DeliverEventPayload>;

export const SendDigestPayload = z.object({
  subscriptionId: z.string().min(1),
  /** The UTC day to report; absent on jobs of a digest's job scheduler (fixed data): the day before the run. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type SendDigestPayload = z.infer<typeof SendDigestPayload>;

export const StartSyncPayload = z.object({
  cohort: z.string().min(1),
  full: z.boolean().default(false),
  trigger: z.enum(['schedule', 'cli', 'api']).default('schedule'),
});
export type StartSyncPayload = z.infer<typeof StartSyncPayload>;

const retrying = (attempts: number, delay: number): DefaultJobOptions => ({
  attempts,
  backoff: { type: 'exponential', delay, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});

/**
 * The one registry of pipeline stages: queue name, job name, payload schema, default options and the
 * deterministic job id. Producers and workers derive every type from it.
 */
export const stages = {
  fetch: {
    queue: 'sync-fetch',
    job: 'fetch-page',
    payload: FetchPagePayload,
    options: retrying(8, 2_000),
    jobId: (p: FetchPagePayload) => `${p.runId}.s${p.searchIndex}.p${p.pageIndex}`,
  },
  verify: {
    queue: 'sync-verify',
    job: 'verify-trials',
    payload: VerifyTrialsPayload,
    options: retrying(8, 2_000),
    jobId: (p: VerifyTrialsPayload) => `${p.runId}.v${p.batchIndex}`,
  },
  normalize: {
    queue: 'sync-normalize',
    job: 'normalize-batch',
    payload: NormalizeBatchPayload,
    options: retrying(5, 1_000),
    jobId: (p: NormalizeBatchPayload) => `${p.runId}.n.${p.batchId}`,
  },
  detect: {
    queue: 'sync-detect',
    job: 'detect-changes',
    payload: DetectChangesPayload,
    options: retrying(5, 1_000),
    jobId: (p: DetectChangesPayload) => `${p.runId}.d.${p.batchId}`,
  },
  finalize: {
    queue: 'sync-finalize',
    job: 'finalize-run',
    payload: FinalizeRunPayload,
    options: retrying(8, 1_000),
    jobId: (p: FinalizeRunPayload) => `${p.runId}.final`,
  },
  deliver: {
    queue: 'notify-deliver',
    job: 'deliver-event',
    payload: DeliverEventPayload,
    // Per (event, subscription): a receiver that is down is retried with backoff, then dead-lettered.
    options: retrying(8, 1_000),
    jobId: (p: DeliverEventPayload) => `deliver.${p.subscriptionId}.${p.eventId}`.replaceAll(':', '_'),
  },
  digest: {
    queue: 'notify-digest',
    job: 'send-digest',
    payload: SendDigestPayload,
    options: retrying(8, 5_000),
    // Scheduled digests (no day) come from BullMQ job schedulers, which name their own jobs.
    jobId: (p: SendDigestPayload): string | undefined =>
      p.day === undefined ? undefined : `digest.${p.subscriptionId}.${p.day}`,
  },
  schedule: {
    queue: 'sync-schedule',
    job: 'start-sync',
    payload: StartSyncPayload,
    options: retrying(3, 10_000),
    // Scheduled starts come from BullMQ job schedulers, which name their own jobs.
    jobId: (_p: StartSyncPayload): string | undefined => undefined,
  },
} as const;

export type StageName = keyof typeof stages;
export type StagePayload<S extends StageName> = z.infer<(typeof stages)[S]['payload']>;
export const STAGE_NAMES = Object.keys(stages) as StageName[];
