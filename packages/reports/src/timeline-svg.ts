import { escapeHtml as x } from './html-escape.js';
import { statusLabel } from './labels.js';
import type { TableModel, TableRow } from './table-model.schema.js';

const STATUS_COLORS: Record<string, string> = {
  NOT_YET_RECRUITING: '#9ecae1',
  RECRUITING: '#31a354',
  ENROLLING_BY_INVITATION: '#74c476',
  ACTIVE_NOT_RECRUITING: '#fd8d3c',
  SUSPENDED: '#9e9ac8',
  COMPLETED: '#3182bd',
  TERMINATED: '#de2d26',
  WITHDRAWN: '#a50f15',
  UNKNOWN: '#bdbdbd',
  REMOVED: '#252525',
};
const OTHER_COLOR = '#969696';

/** The colour of a status in the timeline and its legend (grey for one without its own). */
export function statusColor(status: string): string {
  return STATUS_COLORS[status] ?? OTHER_COLOR;
}

const LABEL_WIDTH = 175;
const PLOT_WIDTH = 800;
const ROW_HEIGHT = 18;
const BAR_HEIGHT = 12;
const AXIS_HEIGHT = 24;

const dayNumber = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/**
 * Each row's statuses over time as horizontal bars (one colour per status, a tick at each change), with a
 * year axis and a legend. Plain SVG with `<title>` tooltips: it needs no script.
 */
export function renderTimelineSvg(
  rows: readonly TableRow[],
  range: NonNullable<TableModel['timeline']>,
): string {
  const drawn = rows.filter((row) => row.timeline.length > 0);
  const start = dayNumber(range.from);
  const span = Math.max(1, dayNumber(range.to) - start);
  const xOf = (iso: string) => LABEL_WIDTH + ((dayNumber(iso) - start) / span) * PLOT_WIDTH;
  const statuses = [...new Set(drawn.flatMap((row) => row.timeline.map((segment) => segment.status)))].sort();
  const legendRows = Math.ceil(statuses.length / 4);
  const height = AXIS_HEIGHT + drawn.length * ROW_HEIGHT + 10 + legendRows * ROW_HEIGHT;
  const width = LABEL_WIDTH + PLOT_WIDTH + 20;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="Status of each trial over time">`,
  );
  for (let year = Number(range.from.slice(0, 4)) + 1; year <= Number(range.to.slice(0, 4)); year++) {
    const xYear = xOf(`${year}-01-01`).toFixed(1);
    parts.push(
      `<line x1="${xYear}" y1="${AXIS_HEIGHT - 6}" x2="${xYear}" y2="${AXIS_HEIGHT + drawn.length * ROW_HEIGHT}" stroke="#ddd"/>`,
      `<text x="${xYear}" y="${AXIS_HEIGHT - 10}" font-size="11" text-anchor="middle">${year}</text>`,
    );
  }
  drawn.forEach((row, index) => {
    const y = AXIS_HEIGHT + index * ROW_HEIGHT;
    const weight = row.statusMoved ? ' font-weight="bold"' : '';
    parts.push(`<g class="timeline-row" data-nct="${x(row.nctId)}">`);
    parts.push(
      `<text x="4" y="${y + BAR_HEIGHT}" font-size="11"${weight}>${x(row.nctId)}${row.trialId ? ` ${x(row.trialId.slice(0, 9))}` : ''}</text>`,
    );
    row.timeline.forEach((segment, position) => {
      const left = xOf(segment.from);
      const barWidth = Math.max(2, xOf(segment.to) - left);
      const color = statusColor(segment.status);
      const tip = `${row.nctId}: ${statusLabel(segment.status)} from ${segment.from} to ${segment.to}`;
      parts.push(
        `<rect x="${left.toFixed(1)}" y="${y + 2}" width="${barWidth.toFixed(1)}" height="${BAR_HEIGHT}" fill="${color}"><title>${x(tip)}</title></rect>`,
      );
      if (position > 0)
        parts.push(
          `<line x1="${left.toFixed(1)}" y1="${y}" x2="${left.toFixed(1)}" y2="${y + BAR_HEIGHT + 4}" stroke="#000" stroke-width="1.5"/>`,
        );
    });
    parts.push('</g>');
  });
  const legendTop = AXIS_HEIGHT + drawn.length * ROW_HEIGHT + 10;
  statuses.forEach((status, index) => {
    const lx = LABEL_WIDTH + (index % 4) * 200;
    const ly = legendTop + Math.floor(index / 4) * ROW_HEIGHT;
    parts.push(
      `<rect x="${lx}" y="${ly}" width="12" height="12" fill="${statusColor(status)}"/>`,
      `<text x="${lx + 16}" y="${ly + 10}" font-size="11">${x(statusLabel(status))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
