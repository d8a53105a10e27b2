// eslint-disable-next-line no-restricted-imports -- the purity rule is for production code; a test needs vitest.
import { describe, expect, it } from 'vitest';
import { classifyDateChange, isFullDate, parseDatePeriod, toPartialDate } from './partial-date.js';
import type { PartialDate } from './trial.schema.js';

const est = (raw: string): PartialDate => toDate(raw, 'ESTIMATED');
const act = (raw: string): PartialDate => toDate(raw, 'ACTUAL');
const untyped = (raw: string): PartialDate => toDate(raw, null);
function toDate(raw: string, type: PartialDate['type']): PartialDate {
  const date = toPartialDate(raw, type);
  if (date === null) throw new Error(`not a partial date: ${raw}`);
  return date;
}

describe('parseDatePeriod', () => {
  it.each([
    ['2025', 'year', 20250101, 20251231],
    ['2025-06', 'month', 20250601, 20250630],
    ['2024-02', 'month', 20240201, 20240229],
    ['2023-02', 'month', 20230201, 20230228],
    ['1900-02', 'month', 19000201, 19000228],
    ['2000-02', 'month', 20000201, 20000229],
    ['2025-06-17', 'day', 20250617, 20250617],
    ['2024-02-29', 'day', 20240229, 20240229],
  ] as const)('%s is the %s from %i to %i', (raw, precision, start, end) => {
    expect(parseDatePeriod(raw)).toEqual({ precision, start, end });
  });

  it.each([
    '',
    '25',
    '2025-6',
    '2025-13',
    '2025-00',
    '2025-06-31',
    '2023-02-29',
    '2025-06-17T00:00',
    'June 2025',
    ' 2025',
  ])('rejects %j', (raw) => {
    expect(parseDatePeriod(raw)).toBeNull();
    expect(toPartialDate(raw, 'ACTUAL')).toBeNull();
  });

  it('keeps the raw string and the type', () => {
    expect(toPartialDate('2025-06', 'ESTIMATED')).toEqual({
      raw: '2025-06',
      precision: 'month',
      type: 'ESTIMATED',
    });
    expect(toPartialDate('2004', null)).toEqual({ raw: '2004', precision: 'year', type: null });
  });

  it('tells full dates from partial ones', () => {
    expect(isFullDate('2025-06-17')).toBe(true);
    expect(isFullDate('2025-06')).toBe(false);
    expect(isFullDate('2025-02-30')).toBe(false);
  });
});

describe('classifyDateChange', () => {
  it.each([
    // Nothing changed.
    ['same date and type', est('2025-06'), est('2025-06'), null],
    ['both missing', null, null, null],
    // Refinement: the new period lies inside the old one.
    ['month to a day inside it', est('2025-06'), est('2025-06-17'), 'refined'],
    ['year to a month inside it', est('2025'), est('2025-11'), 'refined'],
    ['year to a day inside it', est('2025'), est('2025-12-31'), 'refined'],
    ['a date appearing', null, est('2026-03'), 'refined'],
    // Actualization.
    ['ESTIMATED to ACTUAL, same date', est('2025-06-17'), act('2025-06-17'), 'actualized'],
    ['no type (old record) to ACTUAL, same date', untyped('2009-09'), act('2009-09'), 'actualized'],
    ['ESTIMATED to ACTUAL and refined', est('2025-06'), act('2025-06-17'), 'actualized'],
    ['a date appearing as ACTUAL', null, act('2024-01-05'), 'actualized'],
    // Moves: the latest possible day moved.
    ['to a later month', est('2025-06'), est('2025-09'), 'slip'],
    ['to a later day in the same month', est('2025-06-10'), est('2025-06-17'), 'slip'],
    ['to an earlier day', est('2025-06-17'), est('2025-06-10'), 'pull_in'],
    ['to an earlier year', est('2026'), est('2025-12'), 'pull_in'],
    ['from a day to a later month', est('2025-06-30'), est('2025-07'), 'slip'],
    // A move outranks a type change.
    ['ESTIMATED to a later ACTUAL', est('2025-06'), act('2025-09-01'), 'slip'],
    ['ESTIMATED to an earlier ACTUAL', est('2025-06'), act('2025-05-20'), 'pull_in'],
    // Coarsening: the old date lies inside the new period; the end decides.
    ['day to its month (latest day moved later)', est('2025-06-17'), est('2025-06'), 'slip'],
    ['month to its year', est('2025-06'), est('2025'), 'slip'],
    [
      'last day of a month to that month (same end, earlier start)',
      est('2025-06-30'),
      est('2025-06'),
      'pull_in',
    ],
    ['a date disappearing', est('2025-06'), null, 'slip'],
    // Type changes that confirm nothing.
    ['ACTUAL back to ESTIMATED, same date', act('2025-06-17'), est('2025-06-17'), null],
    ['a type appearing as ESTIMATED', untyped('2004-05'), est('2004-05'), null],
    ['a type disappearing', est('2004-05'), untyped('2004-05'), null],
    ['ACTUAL to ESTIMATED and refined', act('2025-06'), est('2025-06-17'), 'refined'],
  ] as const)('%s', (_label, from, to, expected) => {
    expect(classifyDateChange(from, to)).toBe(expected);
  });
});
