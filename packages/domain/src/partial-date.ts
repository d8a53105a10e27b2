import type { DateChangeKind } from './trial-change.schema.js';
import type { PartialDate } from './trial.schema.js';

export type DatePrecision = PartialDate['precision'];
export type DateType = NonNullable<PartialDate['type']>;

/** A partial date read as the period it names: `2025-06` is every day of June 2025. Bounds are `yyyymmdd`. */
export interface DatePeriod {
  precision: DatePrecision;
  /** First day of the period, as the integer yyyymmdd. */
  start: number;
  /** Last day of the period, as the integer yyyymmdd. */
  end: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Parses `yyyy`, `yyyy-MM` or `yyyy-MM-dd` (a real calendar day); anything else is null. */
export function parseDatePeriod(raw: string): DatePeriod | null {
  const match = PARTIAL_DATE.exec(raw);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined)
    return { precision: 'year', start: year * 10000 + 101, end: year * 10000 + 1231 };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const base = year * 10000 + month * 100;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) return { precision: 'month', start: base + 1, end: base + lastDay };
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return null;
  return { precision: 'day', start: base + day, end: base + day };
}

/** A registry date as printed, with its precision and type; null when `raw` is not a partial date. */
export function toPartialDate(raw: string, type: DateType | null): PartialDate | null {
  const period = parseDatePeriod(raw);
  return period ? { raw, precision: period.precision, type } : null;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real `yyyy-MM-dd` day (the registry's `NormalizedDate`). */
export function isFullDate(raw: string): boolean {
  return FULL_DATE.test(raw) && parseDatePeriod(raw) !== null;
}

/** No date: the unbounded period (it says nothing, so any date is inside it). */
const UNBOUNDED = { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY };

function periodOf(date: PartialDate | null): { start: number; end: number } {
  if (date === null) return UNBOUNDED;
  return parseDatePeriod(date.raw) ?? UNBOUNDED;
}

/**
 * How a registry date moved between two versions, with precision in mind. Each date is a period (year,
 * month or day; a missing date is the unbounded period); calendar periods are either nested or disjoint.
 *
 * - null: nothing changed (same period and same type), or only the type changed in a way that confirms
 *   nothing (ACTUAL → ESTIMATED, a type appearing or disappearing without ACTUAL): the date did not move.
 * - `refined`: the new period lies strictly inside the old one (2025-06 → 2025-06-17; a date appearing
 *   where there was none). Not a slip.
 * - `actualized`: the type became ACTUAL (from ESTIMATED or from no type) and the date did not move out of
 *   its period: same period, or refined (2025-06 ESTIMATED → 2025-06-17 ACTUAL). Actualization outranks
 *   refinement.
 * - `slip` / `pull_in`: otherwise, the new period ends later / earlier than the old one (the latest possible
 *   day moved); when the ends are equal, the start decides. This covers disjoint periods (2025-06 → 2025-09
 *   slip) and coarsening (2025-06-17 → 2025-06 is a slip: the latest possible day moved from the 17th to
 *   the 30th; a date disappearing is a slip to the unbounded period). A move outranks a type change:
 *   2025-06 ESTIMATED → 2025-09 ACTUAL is a slip (the event still carries both types).
 */
export function classifyDateChange(from: PartialDate | null, to: PartialDate | null): DateChangeKind | null {
  if (from === null && to === null) return null;
  const before = periodOf(from);
  const after = periodOf(to);
  const samePeriod = before.start === after.start && before.end === after.end;
  const inside = !samePeriod && after.start >= before.start && after.end <= before.end;
  if (samePeriod || inside) {
    const fromType = from?.type ?? null;
    const toType = to?.type ?? null;
    if (toType === 'ACTUAL' && fromType !== 'ACTUAL') return 'actualized';
    return inside ? 'refined' : null;
  }
  if (after.end !== before.end) return after.end > before.end ? 'slip' : 'pull_in';
  return after.start > before.start ? 'slip' : 'pull_in';
}
