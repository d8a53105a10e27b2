import type { BaselineRow, BaselineSummary } from './baseline-row.schema.js';
import { parseBaselineHtml } from './parse-baseline-html.js';
import { parseBaselineTsv } from './parse-baseline-tsv.js';

export type BaselineFormat = 'tsv' | 'html';

/** HTML when the text holds a `<table>` or starts like markup; TSV otherwise. */
export function detectBaselineFormat(text: string): BaselineFormat {
  const start = text.replace(/^\ufeff/, '').trimStart();
  return start.startsWith('<') || /<table[\s>]/i.test(text) ? 'html' : 'tsv';
}

/** Parses a baseline table given as TSV or as a journal page (detected when `format` is not given). */
export function parseBaseline(
  text: string,
  format: BaselineFormat = detectBaselineFormat(text),
): BaselineRow[] {
  return format === 'html' ? parseBaselineHtml(text) : parseBaselineTsv(text);
}

/** How many trials, how many with a status that maps to the registry's, how many without. */
export function summarizeBaseline(rows: readonly BaselineRow[]): BaselineSummary {
  const unmapped = rows.filter((row) => row.unmapped).length;
  return { trials: rows.length, mapped: rows.length - unmapped, unmapped };
}
