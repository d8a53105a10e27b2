import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from './invalid-parameter.error.js';
import { dateInRange, normalizeText, parseExpression, rangeBound } from './query-expression.js';

describe('parseExpression', () => {
  it('splits OR terms, dropping quotes and parentheses, in lower case', () => {
    expect(parseExpression('Lutathera OR "177Lu-DOTATATE" OR (Lu-177  Dotatate)', 'intr')).toEqual([
      { kind: 'terms', scope: 'intr', anyOf: ['lutathera', '177lu-dotatate', 'lu-177 dotatate'] },
    ]);
  });

  it('reads a LastUpdatePostDate window, alone or beside terms', () => {
    expect(parseExpression('AREA[LastUpdatePostDate]RANGE[2026-11-20,MAX]', 'term')).toEqual([
      { kind: 'date-range', area: 'LastUpdatePostDate', from: '2026-11-20', to: null },
    ]);
    expect(
      parseExpression('(PRRT OR lutathera) AND AREA[LastUpdatePostDate]RANGE[MIN, 2024-03]', 'term'),
    ).toEqual([
      { kind: 'terms', scope: 'term', anyOf: ['prrt', 'lutathera'] },
      { kind: 'date-range', area: 'LastUpdatePostDate', from: null, to: '2024-03-31' },
    ]);
  });

  it('gives no condition for an empty expression', () => {
    expect(parseExpression(' "" ', 'cond')).toEqual([]);
  });

  it('refuses what it cannot evaluate instead of ignoring it', () => {
    expect(() => parseExpression('AREA[StartDate]RANGE[2020,MAX]', 'term')).toThrow(InvalidParameterError);
    expect(() => parseExpression('AREA[OverallStatus]RECRUITING', 'term')).toThrow(InvalidParameterError);
    expect(() => parseExpression('a OR AREA[Phase]PHASE2', 'term')).toThrow(InvalidParameterError);
    expect(() => parseExpression('lutathera NOT sunitinib', 'term')).toThrow(InvalidParameterError);
    expect(() => parseExpression('AREA[LastUpdatePostDate]RANGE[yesterday,MAX]', 'term')).toThrow(
      InvalidParameterError,
    );
  });
});

describe('rangeBound', () => {
  it('widens partial dates to the whole period', () => {
    expect(rangeBound('2024', 'from')).toBe('2024-01-01');
    expect(rangeBound('2024', 'to')).toBe('2024-12-31');
    expect(rangeBound('2024-02', 'from')).toBe('2024-02-01');
    expect(rangeBound('2024-02', 'to')).toBe('2024-02-31');
    expect(rangeBound('2024-02-10', 'to')).toBe('2024-02-10');
    expect(rangeBound('min', 'from')).toBeNull();
  });
});

describe('dateInRange', () => {
  it('is inclusive at both ends and false without a date', () => {
    expect(dateInRange('2024-02-10', '2024-02-10', '2024-02-10')).toBe(true);
    expect(dateInRange('2024-02-09', '2024-02-10', null)).toBe(false);
    expect(dateInRange('2024-02-11', null, '2024-02-10')).toBe(false);
    expect(dateInRange('2024-02-29', '2024-02-01', rangeBound('2024-02', 'to'))).toBe(true);
    expect(dateInRange(null, null, null)).toBe(false);
  });
});

describe('normalizeText', () => {
  it('lowers case and folds white space', () => {
    expect(normalizeText('  Lu-177\n\tDOTATATE  ')).toBe('lu-177 dotatate');
  });
});
