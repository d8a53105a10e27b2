export * from './baseline-row.schema.js';
export { BASELINE_COLUMNS, matchColumn, type BaselineColumn } from './baseline-columns.js';
export { parseBaselineTsv } from './parse-baseline-tsv.js';
export { parseBaselineHtml } from './parse-baseline-html.js';
export {
  detectBaselineFormat,
  parseBaseline,
  summarizeBaseline,
  type BaselineFormat,
} from './parse-baseline.js';
