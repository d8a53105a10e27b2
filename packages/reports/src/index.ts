export {
  BaselineNotFoundError,
  baselineDrift,
  compareStatus,
  describeDrift,
  isStatusMove,
  parseBaselineRows,
  type BaselineDriftRow,
  type StatusComparison,
} from './baseline-drift.js';
export * from './table-model.schema.js';
export {
  buildTableModel,
  statusTimeline,
  STATUS_EVENT_TYPES,
  type StatusEvent,
  type TableModelInput,
} from './build-table-model.js';
export { loadTableModel, type LoadTableOptions } from './load-table-model.js';
export { renderTablePage } from './render-table-page.js';
export { renderTimelineSvg } from './timeline-svg.js';
export { escapeHtml, html, SafeHtml } from './html-escape.js';
export { csvField, csvLine, type CellValue } from './csv.js';
export * from './export-columns.js';
export { createExportTransform } from './export-transform.js';
export { AGENT_LABELS, CATEGORY_LABELS, phaseLabel, statusLabel } from './labels.js';
