import { z } from 'zod';
import { KNOWN_OVERALL_STATUSES } from '@trialwatch/domain';

/** One trial of a published table such as the review's Table 2, as printed, with its status mapped. */
export const BaselineRow = z.object({
  nctId: z.string().regex(/^NCT\d{8}$/),
  trialId: z.string().nullable(),
  origin: z.string().nullable(),
  estEnrollment: z.number().int().nonnegative().nullable(),
  combinedWith: z.string().nullable(),
  prrt: z.string().nullable(),
  dosage: z.string().nullable(),
  phase: z.string().nullable(),
  /** The status exactly as the paper printed it (whitespace collapsed). */
  statusAsPublished: z.string().min(1),
  /** The registry status the printed one maps to; null when it names none ("Abstract published"). */
  status: z.enum(KNOWN_OVERALL_STATUSES).nullable(),
  unmapped: z.boolean(),
});
export type BaselineRow = z.infer<typeof BaselineRow>;

export const BaselineSummary = z.object({
  trials: z.number().int(),
  mapped: z.number().int(),
  unmapped: z.number().int(),
});
export type BaselineSummary = z.infer<typeof BaselineSummary>;

/** Bad input: names the line or row and what is wrong with it. */
export class BaselineParseError extends Error {
  override readonly name = 'BaselineParseError';
}
