import { z } from '@hono/zod-openapi';
import {
  AGENT_IDS,
  COMBINATION_CATEGORIES,
  EVENT_TYPES,
  KNOWN_OVERALL_STATUSES,
  Trial,
} from '@trialwatch/domain';

/** `a,b,c` → a list of allowed values; an unknown value is a 400 naming it. */
function commaList<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1))
    .optional()
    .openapi({
      description: `${description}; one or more of ${values.join(', ')}, comma-separated`,
      type: 'string',
    });
}

export const NAME = /^[a-z0-9][a-z0-9_-]*$/;
const cohortName = z.string().regex(NAME, 'lowercase letters, digits, _ and -');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
const isoTime = z.iso
  .datetime({ offset: true })
  .or(isoDay)
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text));
const limit = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .openapi({ description: `page size (1-${max})` });
const cursor = z
  .string()
  .min(1)
  .max(400)
  .optional()
  .openapi({ description: 'opaque: the `nextCursor` of the previous page' });

export const ErrorBody = z.object({ error: z.string(), message: z.string() }).openapi('Error');

export const TrialsQuery = z.strictObject({
  cohort: cohortName.optional().openapi({ description: 'only members of this cohort (cohorts)' }),
  status: commaList(KNOWN_OVERALL_STATUSES, 'overall status now (trial.overallStatus)'),
  category: commaList(COMBINATION_CATEGORIES, 'combination category (trial.prrt.combination.categories)'),
  agent: commaList(AGENT_IDS, 'PRRT agent (trial.prrt.agents)'),
  phase: commaList(['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA'], 'phase (trial.phases)'),
  country: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'a site country, exactly as the registry spells it (trial.countries)' }),
  updatedSince: isoDay.optional().openapi({
    description: "the registry's last update posted on or after this day (trial.lastUpdatePostDate)",
  }),
  changedSince: isoTime.optional().openapi({
    description: 'TrialWatch stored a new version at or after this time (lastChangedAt)',
    type: 'string',
  }),
  limit: limit(50, 500),
  cursor,
});
export type TrialsQuery = z.infer<typeof TrialsQuery>;

export const EventsQuery = z.strictObject({
  since: isoTime
    .optional()
    .openapi({ description: 'detected at or after this time (ISO 8601)', type: 'string' }),
  type: commaList(EVENT_TYPES, 'event type'),
  nct: z
    .string()
    .regex(/^NCT\d{8}$/, 'NCT followed by 8 digits')
    .optional(),
  cohort: cohortName.optional(),
  runId: z.string().min(1).max(100).optional(),
  limit: limit(100, 1000),
  cursor,
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const RunsQuery = z.strictObject({
  cohort: cohortName.optional().openapi({ description: 'only runs of this cohort (scope cohort-NAME)' }),
  status: z.enum(['running', 'completed', 'incomplete', 'failed']).optional(),
  limit: limit(20, 100),
});

export const TableQuery = z.strictObject({
  baseline: cohortName
    .optional()
    .openapi({ description: 'the published baseline to compare with (default table2)' }),
  others: z
    .enum(['true', 'false'])
    .default('true')
    .openapi({ description: 'also list members that are not combination trials' }),
  format: z.enum(['html', 'json']).optional().openapi({ description: 'overrides the Accept header' }),
});

export const NctParam = z.object({
  nctId: z
    .string()
    .regex(/^NCT\d{8}$/i, 'NCT followed by 8 digits')
    .transform((id) => id.toUpperCase())
    .openapi({ param: { name: 'nctId', in: 'path' }, example: 'NCT05387603', type: 'string' }),
});
export const CohortParam = z.object({
  name: cohortName.openapi({ param: { name: 'name', in: 'path' }, example: 'prrt' }),
});

export const TrialRecord = Trial.extend({
  versionId: z.string(),
  lastChangedAt: z.string(),
  cohorts: z.array(z.string()),
  removed: z.boolean(),
}).openapi('TrialRecord');

export const TrialsPage = z
  .object({ items: z.array(TrialRecord), nextCursor: z.string().nullable() })
  .openapi('TrialsPage');

export const VersionRefView = z.object({
  id: z.string(),
  previousId: z.string().nullable(),
  lastUpdatePostDate: z.string().nullable(),
  detectedAt: z.string(),
  runId: z.string(),
});

export const TrialDetail = z
  .object({
    nctId: z.string(),
    trial: Trial,
    versionId: z.string(),
    firstSeenAt: z.string(),
    lastChangedAt: z.string(),
    cohorts: z.array(z.string()),
    removed: z.boolean(),
    removedAt: z.string().nullable(),
    versions: z.array(VersionRefView),
  })
  .openapi('TrialDetail');

export const EventView = z
  .object({
    id: z.string(),
    nctId: z.string(),
    type: z.enum(EVENT_TYPES),
    field: z.string().optional(),
    from: z.unknown().optional(),
    to: z.unknown().optional(),
    registryGenerated: z.boolean().optional(),
    kind: z.string().optional(),
    added: z.array(z.unknown()).optional(),
    removed: z.array(z.unknown()).optional(),
    detectedAt: z.string(),
    runId: z.string(),
    lastUpdatePostDate: z.string().nullable(),
  })
  .openapi('Event');

export const EventsPage = z
  .object({ items: z.array(EventView), nextCursor: z.string().nullable() })
  .openapi('EventsPage');

export const TrialHistory = z
  .object({
    nctId: z.string(),
    versions: z.array(
      z.object({
        versionId: z.string(),
        previousId: z.string().nullable(),
        detectedAt: z.string(),
        runId: z.string(),
        lastUpdatePostDate: z.string().nullable(),
        current: z.boolean(),
        trial: Trial.nullable(),
      }),
    ),
    events: z.array(EventView),
  })
  .openapi('TrialHistory');

export const RunView = z
  .object({
    id: z.string(),
    scope: z.string(),
    cohort: z.string().nullable(),
    mode: z.enum(['incremental', 'full']),
    trigger: z.enum(['cli', 'schedule', 'api']),
    status: z.enum(['running', 'completed', 'incomplete', 'failed']),
    windowFrom: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    dataTimestamp: z.string().nullable(),
    dataTimestampStale: z.boolean(),
    summary: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Run');

export const RunsList = z.object({ items: z.array(RunView) }).openapi('RunsList');

export const Health = z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unreachable']) })
  .openapi('Health');
