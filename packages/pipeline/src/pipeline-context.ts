import type { CtgovClient } from '@trialwatch/ctgov-client';
import type { PipelineQueues, StageJobOptions } from '@trialwatch/queues';
import type { Store } from '@trialwatch/store';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { HeadCache } from './head-cache.js';
import type { RunProgressStore } from './run-progress-store.js';
import type { StagingArea } from './staging-area.js';

export interface PipelineSettings {
  /** Queue and key prefix (TRIALWATCH_PREFIX). */
  prefix: string;
  /** Page size asked of the registry (≤ 1000). */
  pageSize: number;
  /** How many least recently checked trials each run re-fetches by id. */
  verifyLimit: number;
  /** Ids per re-verification request. */
  verifyBatchSize: number;
  /** Warn when the registry's dataTimestamp is older than this. */
  staleDataHours: number;
  /** How long a webhook or Slack receiver may take to answer (NOTIFY_TIMEOUT_MS). */
  notifyTimeoutMs: number;
  /**
   * Backpressure: a page is not fetched while this many normalize batches wait (at most `backlogWaitMs`).
   * Fetching outruns normalizing; without a bound, a registry-scale pull stages gigabytes in Redis.
   */
  normalizeBacklog: number;
  backlogWaitMs: number;
  /** Per-stage job options over the registry's defaults, for jobs this context enqueues (tests: shorter backoff). */
  jobOptions?: StageJobOptions;
}

/** The settings no environment variable sets (the others come from PipelineTuning, in @trialwatch/config). */
export const DEFAULT_SETTINGS: Omit<
  PipelineSettings,
  'prefix' | 'pageSize' | 'verifyLimit' | 'notifyTimeoutMs'
> = {
  verifyBatchSize: 200,
  staleDataHours: 48,
  normalizeBacklog: 2,
  backlogWaitMs: 20_000,
};

/** What every stage handler is given: its I/O, injected. */
export interface PipelineContext {
  store: Store;
  queues: PipelineQueues;
  redis: Redis;
  /** Live progress of running syncs (Redis hashes: atomic per step). */
  progress: RunProgressStore;
  /** Trial heads mirrored in Redis (MongoDB is the truth). */
  heads: HeadCache;
  /** Records handed between stages (fetch → normalize → detect). */
  staging: StagingArea;
  logger: Logger;
  settings: PipelineSettings;
  now: () => Date;
}

/** Stages that talk to the registry also get a client. */
export interface FetchContext extends PipelineContext {
  client: CtgovClient;
}

/** Redis key of a scope's "last checked" clock (a sorted set: nctId → epoch ms). */
export function checkedKey(prefix: string, scope: string): string {
  return `${prefix}:checked:${scope}`;
}
