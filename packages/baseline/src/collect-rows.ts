import { BaselineParseError, type BaselineRow } from './baseline-row.schema.js';

/** Rows in table order; a trial listed twice is an error naming both places. */
export function collectRows(rows: ReadonlyArray<{ row: BaselineRow; where: string }>): BaselineRow[] {
  const firstSeen = new Map<string, string>();
  for (const { row, where } of rows) {
    const earlier = firstSeen.get(row.nctId);
    if (earlier !== undefined) {
      throw new BaselineParseError(`${where}: ${row.nctId} is listed twice (first at ${earlier})`);
    }
    firstSeen.set(row.nctId, where);
  }
  return rows.map(({ row }) => row);
}
