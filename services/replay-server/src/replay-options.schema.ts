import { z } from 'zod';

/** What a replay server logs through: a pino Logger fits. */
export interface ReplayLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ratio = z.number().min(0).max(1);

/** `2026-09-04T09:00:06` (UTC, no zone suffix) from an ISO date or date-time; without a zone it is read as UTC. */
export const DataTimestamp = z
  .string()
  .trim()
  .transform((value, context) => {
    const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
    const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(withZone) : Number.NaN;
    if (Number.isNaN(ms)) {
      context.addIssue({
        code: 'custom',
        message: 'must be an ISO date or date-time, e.g. 2026-09-04T09:00:06',
      });
      return z.NEVER;
    }
    return formatDataTimestamp(ms);
  });

export const ReplayServerOptions = z.object({
  /** The folder of recorded studies, one `*.json` file each. */
  dataDir: z.string().min(1),
  /** 0 (the default) picks a free port. */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  /** Share of API requests answered 429 (Retry-After: 1) or 503, half each. */
  faultRate: ratio.default(0),
  /** Latency added to every API request. */
  delayMs: z.number().int().min(0).default(0),
  /** At most this many studies a page, whatever pageSize asks. */
  pageSizeCap: z.number().int().min(1).optional(),
  /** Share of 200 bodies cut at a random point (Content-Length matching what is sent). */
  truncateRate: ratio.default(0),
  /** Share of API requests left without an answer for `hangMs` (then 503): the client's timeout fires. */
  hangRate: ratio.default(0),
  hangMs: z.number().int().min(1).default(30_000),
  /** After this many studies in one paging sequence, a last page without nextPageToken. */
  stopPagingAfter: z.number().int().min(0).optional(),
  /** Seed of the fault stream; random when absent. */
  seed: z.number().int().optional(),
  /** What /version reports; default the newest file's mtime. */
  dataTimestamp: DataTimestamp.optional(),
  logger: z.custom<ReplayLogger>((value) => typeof value === 'object' && value !== null).optional(),
});
export type ReplayServerOptions = z.input<typeof ReplayServerOptions>;
export type ReplayServerSettings = z.output<typeof ReplayServerOptions>;

export function formatDataTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
