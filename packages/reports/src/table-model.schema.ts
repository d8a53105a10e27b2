import { AgentId, CombinationCategory, Trial } from '@trialwatch/domain';
import { z } from 'zod';

/** One stretch of a trial's status: from a day (registry date of the version that set it) to the next. */
export const StatusSegment = z.object({
  status: z.string(),
  /** ISO day the status was posted (the version's lastUpdatePostDate, else the day TrialWatch saw it). */
  from: z.string(),
  /** ISO day of the next status, or the date of the data for the last segment. */
  to: z.string(),
});
export type StatusSegment = z.infer<typeof StatusSegment>;

export const TableRowPublished = z.object({
  trialId: z.string().nullable(),
  origin: z.string().nullable(),
  enrollment: z.number().nullable(),
  combinedWith: z.string().nullable(),
  prrt: z.string().nullable(),
  phase: z.string().nullable(),
  statusAsPublished: z.string(),
  /** The registry status the printed one maps to; null for "Abstract published" and the like. */
  status: z.string().nullable(),
});
export type TableRowPublished = z.infer<typeof TableRowPublished>;

export const TableRow = z.object({
  nctId: z.string(),
  /** The acronym the registry gives now, else the trial id the table printed. */
  trialId: z.string().nullable(),
  title: z.string().nullable(),
  countries: z.array(z.string()),
  enrollment: Trial.shape.enrollment,
  categories: z.array(CombinationCategory),
  partners: z.array(z.string()),
  agents: z.array(AgentId),
  phases: z.array(z.string()),
  /** What the published table printed (null when the row is not in a baseline). */
  published: TableRowPublished.nullable(),
  status: z.string().nullable(),
  lastKnownStatus: z.string().nullable(),
  comparison: z.enum(['same', 'changed', 'unmapped', 'not-synced', 'removed', 'no-baseline']),
  /** True when the row is highlighted: the status moved since publication, or the trial is gone. */
  statusMoved: z.boolean(),
  lastUpdatePostDate: z.string().nullable(),
  timeline: z.array(StatusSegment),
});
export type TableRow = z.infer<typeof TableRow>;

export const TableSection = z.object({
  id: z.enum(['baseline', 'combinations', 'others']),
  title: z.string(),
  rows: z.array(TableRow),
});
export type TableSection = z.infer<typeof TableSection>;

export const CategoryCount = z.object({
  category: z.union([CombinationCategory, z.literal('none')]),
  /** Rows of the baseline section in this category (now). */
  baseline: z.number().int(),
  /** Every listed row in this category (now). */
  listed: z.number().int(),
});
export type CategoryCount = z.infer<typeof CategoryCount>;

/** The live table of a cohort: what the page renders and `Accept: application/json` returns. */
export const TableModel = z.object({
  cohort: z.string(),
  baseline: z
    .object({ name: z.string(), source: z.string(), importedAt: z.string(), trials: z.number().int() })
    .nullable(),
  /** The date of the data: the newest finished sync run of the cohort (registry dataTimestamp, else its end). */
  data: z
    .object({
      runId: z.string(),
      dataTimestamp: z.string().nullable(),
      finishedAt: z.string().nullable(),
      date: z.string(),
    })
    .nullable(),
  generatedAt: z.string(),
  sections: z.array(TableSection),
  categoryCounts: z.array(CategoryCount),
  summary: z.object({
    listed: z.number().int(),
    baselineTrials: z.number().int(),
    statusMoved: z.number().int(),
    notSynced: z.number().int(),
  }),
  /** The days the timeline spans. */
  timeline: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export type TableModel = z.infer<typeof TableModel>;
