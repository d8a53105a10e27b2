import type { EventType, Trial } from '@trialwatch/domain';

/** Collection names; natural keys are `_id`s (FerretDB indexes only `_id`). */
export const COLLECTIONS = {
  trials: 'trials',
  versions: 'trial_versions',
  runs: 'sync_runs',
  watermarks: 'sync_watermarks',
  events: 'events',
  deadLetters: 'dead_letters',
  cohorts: 'cohorts',
  baselines: 'baselines',
  subscriptions: 'subscriptions',
  deliveries: 'deliveries',
  drift: 'schema_drift',
  opsAlerts: 'ops_alerts',
} as const;

export interface VersionRef {
  id: string;
  /** The version this one replaced as current (null for the first): the transition, kept with the head. */
  previousId: string | null;
  lastUpdatePostDate: string | null;
  detectedAt: Date;
  runId: string;
}

export interface CohortMembership {
  since: Date;
  runId: string;
}

/** The current state of a trial, pointing at its latest version. */
export interface TrialDoc {
  _id: string;
  trial: Trial;
  versionId: string;
  contentHash: string;
  lastUpdatePostDate: string | null;
  firstSeenAt: Date;
  lastChangedAt: Date;
  lastRunId: string;
  cohorts: string[];
  cohortMembership: Record<string, CohortMembership>;
  removed: boolean;
  removedAt: Date | null;
  removedRunId: string | null;
  versions: VersionRef[];
}

/**
 * Append-only: one per distinct content hash of a trial, keyed `nctId@contentHash`. Stored as the record
 * the registry served (the raw archive, compressed: binary fields cost a MongoDB-wire server far less than
 * deep documents) with this metadata; the repository makes the Trial again from the record when it reads one.
 */
export interface TrialVersionDoc {
  _id: string;
  nctId: string;
  contentHash: string;
  trial: Trial;
  runId: string;
  lastUpdatePostDate: string | null;
  dataTimestamp: string | null;
  detectedAt: Date;
}

/** A version as written: with the raw record it was made from, in the archive format (encodeRawRecord). */
export interface NewTrialVersion extends TrialVersionDoc {
  rawRecord: Buffer;
}

export interface EventDoc {
  _id: string;
  nctId: string;
  type: EventType;
  field?: string;
  from?: unknown;
  to?: unknown;
  registryGenerated?: boolean;
  kind?: string;
  added?: unknown[];
  removed?: unknown[];
  detectedAt: Date;
  runId: string;
  lastUpdatePostDate: string | null;
  fromVersion: string | null;
  toVersion: string | null;
  cohorts: string[];
}

export interface DeadLetterDoc {
  _id: string;
  stage: string;
  queue: string;
  jobId: string;
  runId: string | null;
  nctId: string | null;
  reason: string;
  errorKind: string;
  payload: unknown;
  rawText: string | null;
  attempts: number;
  createdAt: Date;
  replayedAt: Date | null;
}

export interface SearchSpec {
  queryTerm?: string;
  queryIntr?: string;
  queryCond?: string;
  queryTitles?: string;
  filterIds?: string[];
  filterOverallStatus?: string[];
  filterAdvanced?: string;
}

export interface PageRecord {
  fetched: number;
  totalCount: number | null;
  hasNext: boolean;
  invalid: number;
  unchanged: number;
  queued: number;
  batchId: string | null;
  maxLastUpdatePostDate: string | null;
  attempts: number;
}

/**
 * A batch of studies moving through normalize → detect. Each field has exactly one writer (the stage that
 * created the batch, the normalizer, the detector, the dead-letter handler), written as its own dotted
 * path, so stages finishing in any order never overwrite each other.
 */
export interface BatchRecord {
  /** What queued it: a search page, a re-verification, or a cohort membership move without new content. */
  origin?: 'search' | 'verify' | 'membership';
  size?: number;
  normalized?: boolean;
  stored?: number;
  changed?: number;
  failed?: number;
  /** Set when normalization queued a detect job (null: nothing to detect). */
  detectBatchId?: string | null;
  detected?: boolean;
  events?: number;
  deadLettered?: boolean;
}

export type RunStatus = 'running' | 'completed' | 'incomplete' | 'failed';

export interface RunSummary {
  runId: string;
  totalCount: number;
  fetched: number;
  stored: number;
  changed: number;
  failed: number;
  durationMs: number;
}

export interface SyncRunDoc {
  _id: string;
  scope: string;
  cohort: string | null;
  mode: 'incremental' | 'full';
  trigger: 'cli' | 'schedule' | 'api';
  searches: SearchSpec[];
  /** LastUpdatePostDate lower bound used for the incremental window, or null for a full pull. */
  windowFrom: string | null;
  status: RunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  dataTimestamp: string | null;
  dataTimestampStale: boolean;
  /** Keyed `s{search}p{page}`. */
  pages: Record<string, PageRecord>;
  /** Keyed by batch id. */
  batches: Record<string, BatchRecord>;
  verify: {
    planned: number;
    batches: Record<string, { checked: number; removed: number; queued: number; batchId: string | null }>;
  };
  failedJobs: Record<string, string>;
  summary:
    | (RunSummary & {
        unchanged: number;
        verified: number;
        removed: number;
        events: number;
        incompleteReason: string | null;
      })
    | null;
}

/** A scope's watermark, as `RunsRepository.watermark` gives it (`_id`: the scope). */
export interface WatermarkDoc {
  _id: string;
  lastCompletedRunId: string;
  lastCompletedAt: Date;
  /** The newest LastUpdatePostDate seen by that run. */
  maxLastUpdatePostDate: string | null;
}

/** One completed run's mark as stored: keyed `${scope}@${lastCompletedAt}@${runId}` (older: the scope alone). */
export interface StoredWatermark extends WatermarkDoc {
  scope?: string;
}

export interface CohortDoc {
  _id: string;
  description: string;
  ids: string[];
  searches: SearchSpec[];
  cron: string;
  timeZone: string;
  enabled: boolean;
  updatedAt: Date;
}

export interface BaselineDoc<Row = unknown> {
  _id: string;
  cohort: string;
  name: string;
  source: string;
  importedAt: Date;
  rows: Row[];
}

export interface SubscriptionDoc {
  _id: string;
  cohort: string | null;
  eventTypes: string[];
  channel: 'webhook' | 'slack' | 'digest';
  /** Where messages go. A secret in itself for Slack (never log it whole). */
  url: string;
  /** HMAC-SHA256 key of webhook signatures. */
  secret: string;
  enabled: boolean;
  createdAt: Date;
  /** Digest subscriptions: the message shape sent to `url` (default webhook). */
  digestFormat?: 'webhook' | 'slack';
  /** Digest subscriptions: when the day's digest is sent (cron pattern, UTC; default daily 07:00). */
  digestCron?: string;
}

/** One per (event, subscription) — `eventId|subscriptionId` — or per digest day — `digest|subscriptionId|day`. */
export interface DeliveryDoc {
  _id: string;
  /** The event, or `digest:<day>` for a digest. */
  eventId: string;
  subscriptionId: string;
  status: 'delivered' | 'failed' | 'pending';
  attempts: number;
  lastError: string | null;
  deliveredAt: Date | null;
  updatedAt: Date;
}

export interface DriftDoc {
  _id: string;
  runId: string;
  kind: string;
  path: string;
  value: string | null;
  nctId: string;
  firstSeenAt: Date;
}

/** An operational alert: a run that could not prove it got everything, a stale registry, dead letters. */
export interface OpsAlertDoc {
  _id: string;
  kind: 'run_incomplete' | 'stale_data' | 'run_failed';
  runId: string | null;
  scope: string | null;
  message: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
}
