/** A value as one CSV cell: lists joined with `; `, objects as compact JSON, null and undefined empty. */
export type CellValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** RFC 4180: a field with a comma, a quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 writes it. */
export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
