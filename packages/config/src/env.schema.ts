import { z } from 'zod';

const url = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.join(' or ')}//`,
    );

const positiveInt = z.coerce.number().int().positive();
const ratio = z.coerce.number().min(0).max(1);

/** Settings every process shares: where Redis, the database and the registry are, and how to log. */
export const BaseEnv = z.object({
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  MONGODB_URI: url(['mongodb:', 'mongodb+srv:']).default('mongodb://127.0.0.1:27017/trialwatch'),
  TRIALWATCH_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('trialwatch'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Settings of the registry client. */
export const CtgovEnv = z.object({
  CTGOV_BASE_URL: url(['http:', 'https:']).default('https://clinicaltrials.gov/api/v2'),
  CTGOV_REQUESTS_PER_MINUTE: positiveInt.max(6000).default(50),
  CTGOV_TIMEOUT_MS: positiveInt.default(30_000),
  CTGOV_MAX_RETRIES: z.coerce.number().int().min(0).max(20).default(6),
  /** Studies per page: 250 keeps a worker's memory flat (a page of 1,000 large records is ~100 MB parsed). */
  CTGOV_PAGE_SIZE: positiveInt.max(1000).default(250),
});

const WorkerEnv = z.object({
  WORKER_CONCURRENCY: positiveInt.max(64).optional(),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** How long a job's lock lives without renewal: a dead worker's job is retried after about this long. */
  WORKER_LOCK_DURATION_MS: positiveInt.min(1000).default(30_000),
  /** How often workers look for stalled jobs (jobs whose worker died). */
  WORKER_STALLED_INTERVAL_MS: positiveInt.min(500).default(15_000),
  /** How many least recently checked trials each run re-fetches by id (0: none). */
  VERIFY_LIMIT: z.coerce.number().int().min(0).max(100_000).default(500),
});

/** Settings of the notifier's deliveries. */
const NotifyEnv = z.object({
  NOTIFY_TIMEOUT_MS: positiveInt.default(10_000),
  NOTIFY_MAX_ATTEMPTS: positiveInt.max(50).default(8),
});

/**
 * Every tuning setting a pipeline process (a worker, or the CLI running stages in-process) reads, with its
 * default: the one place the defaults live (the worker runtime parses its config through it).
 */
export const PipelineTuning = CtgovEnv.extend(WorkerEnv.shape).extend(NotifyEnv.shape);
export type PipelineTuning = z.infer<typeof PipelineTuning>;

export const SchedulerEnv = BaseEnv.extend(WorkerEnv.shape);
export const FetcherEnv = BaseEnv.extend(CtgovEnv.shape).extend(WorkerEnv.shape);
export const NormalizerEnv = BaseEnv.extend(WorkerEnv.shape);
export const DetectorEnv = BaseEnv.extend(WorkerEnv.shape);
export const NotifierEnv = BaseEnv.extend(WorkerEnv.shape).extend(NotifyEnv.shape);
export const ApiEnv = BaseEnv.extend({
  TRIALWATCH_API_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  API_HOST: z.string().default('0.0.0.0'),
});
/** The CLI can run any stage in-process, so it accepts every stage's settings. */
export const CliEnv = BaseEnv.extend(PipelineTuning.shape).extend({
  TRIALWATCH_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  REPLAY_FAULT_RATE: ratio.optional(),
});

export const serviceEnvSchemas = {
  scheduler: SchedulerEnv,
  fetcher: FetcherEnv,
  normalizer: NormalizerEnv,
  detector: DetectorEnv,
  notifier: NotifierEnv,
  api: ApiEnv,
  cli: CliEnv,
} as const;

export type ServiceName = keyof typeof serviceEnvSchemas;
export type ServiceEnv<S extends ServiceName> = z.infer<(typeof serviceEnvSchemas)[S]>;
