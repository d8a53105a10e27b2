import { html, SafeHtml } from './html-escape.js';
import { AGENT_LABELS, CATEGORY_LABELS, phaseLabel, statusLabel } from './labels.js';
import type { TableModel, TableRow, TableSection } from './table-model.schema.js';
import { renderTimelineSvg, statusColor } from './timeline-svg.js';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; margin-top: 1.8rem; }
table { border-collapse: collapse; margin-top: .5rem; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
tr.status-moved td { background: #fff3bf; }
tr.not-synced td { color: #777; font-style: italic; }
.badge { display: inline-block; font-size: .75rem; font-weight: bold; padding: 0 .35rem; border-radius: .3rem; margin-left: .3rem; }
.badge.changed { background: #e8590c; color: #fff; }
.badge.removed { background: #212529; color: #fff; }
.badge.not-synced { background: #adb5bd; color: #fff; }
.was { display: block; font-size: .8rem; color: #a33; }
.status-dot { display: inline-block; width: .65rem; height: .65rem; border-radius: 50%; margin-right: .3rem; }
.meta { color: #555; } .numbers td { text-align: right; } .numbers td:first-child { text-align: left; }
`;

/** The live table of a cohort as one self-contained HTML page: no script, every value escaped. */
export function renderTablePage(model: TableModel): string {
  const listed = model.sections.flatMap((section) => section.rows);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>TrialWatch: ${model.cohort}, the live table</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>Cohort ${model.cohort}: the live table</h1>
          <p class="meta data-date">${dataLine(model)}</p>
          <p class="meta summary">${summaryLine(model)}</p>
        </header>
        <main>
          ${model.sections.filter((section) => section.rows.length > 0 || section.id !== 'others').map((section) => renderSection(section, model.baseline !== null))}
          <h2 id="categories">Trials per combination category (now)</h2>
          ${renderCounts(model)}
          <h2 id="timeline">Status over time</h2>
          ${model.timeline ? new SafeHtml(renderTimelineSvg(listed, model.timeline)) : html`<p>No trial synced yet.</p>`}
        </main>
        <footer>
          <p class="meta">
            Generated ${model.generatedAt} by TrialWatch from the records it keeps. Statuses are the
            registry's; the timeline dates each status by the registry's last-update date of the version that
            brought it.
          </p>
        </footer>
      </body>
    </html> `;
  return page.html;
}

function dataLine(model: TableModel) {
  if (!model.data) return html`No sync run has finished for this cohort yet: the data may be incomplete.`;
  const stamp = model.data.dataTimestamp ? html` (registry data timestamp ${model.data.dataTimestamp})` : '';
  return html`Data as of <time datetime="${model.data.date}">${model.data.date}</time>${stamp}, from sync run
    ${model.data.runId}.`;
}

function summaryLine(model: TableModel) {
  const baseline = model.baseline
    ? html`${model.summary.baselineTrials} trials in ${model.baseline.name} (imported from
      ${model.baseline.source}); `
    : '';
  return html`${baseline}${model.summary.listed} trials listed;
    <strong>${model.summary.statusMoved}</strong> with a status that moved since publication;
    ${model.summary.notSynced} not synced yet.`;
}

function renderSection(section: TableSection, withPublished: boolean) {
  const published = withPublished && section.id === 'baseline';
  return html`<section id="${section.id}">
    <h2>${section.title}</h2>
    ${
      section.rows.length === 0
        ? html`<p>None.</p>`
        : html`<table class="trials">
            <thead>
              <tr>
                <th>NCT</th>
                <th>Trial ID</th>
                <th>Origin</th>
                <th>Enrollment</th>
                <th>Combined with</th>
                <th>PRRT agent</th>
                <th>Phase</th>
                ${published ? html`<th>Status as published</th>` : ''}
                <th>Status now</th>
              </tr>
            </thead>
            <tbody>
              ${section.rows.map((row) => renderRow(row, published))}
            </tbody>
          </table>`
    }
  </section> `;
}

function rowClass(row: TableRow): string {
  return ['trial', row.statusMoved ? 'status-moved' : '', row.comparison === 'not-synced' ? 'not-synced' : '']
    .filter(Boolean)
    .join(' ');
}

function renderRow(row: TableRow, published: boolean) {
  const printedEnrollment = row.published?.enrollment ?? null;
  const enrollmentNow = row.enrollment?.count ?? null;
  const phaseNow = phaseLabel(row.phases);
  const combination =
    row.categories.length === 0
      ? CATEGORY_LABELS.none
      : row.categories.map((category) => CATEGORY_LABELS[category]).join('; ');
  return html`<tr class="${rowClass(row)}" data-nct="${row.nctId}" data-comparison="${row.comparison}">
    <td><a href="https://clinicaltrials.gov/study/${row.nctId}">${row.nctId}</a></td>
    <td>${row.trialId ?? ''}</td>
    <td title="${row.published?.origin ? `printed: ${row.published.origin}` : ''}">
      ${row.countries.join(', ')}
    </td>
    <td>
      ${enrollmentNow ?? ''}${row.enrollment?.type === 'ESTIMATED' ? ' (est.)' : ''}${printedEnrollment !== null && enrollmentNow !== null && printedEnrollment !== enrollmentNow ? html`<span class="was">printed ${printedEnrollment}</span>` : ''}
    </td>
    <td>${combination}${row.partners.length > 0 ? html`: ${row.partners.join(', ')}` : ''}</td>
    <td>${row.agents.map((agent) => AGENT_LABELS[agent]).join(' + ')}</td>
    <td>
      ${phaseNow}${row.published?.phase && phaseNow && row.published.phase !== phaseNow ? html`<span class="was">printed ${row.published.phase}</span>` : ''}
    </td>
    ${published ? html`<td class="status-published">${row.published?.statusAsPublished ?? ''}${row.comparison === 'unmapped' ? html`<span class="was">not a registry status</span>` : ''}</td>` : ''}
    <td class="status-now">${statusNow(row)}</td>
  </tr> `;
}

function statusNow(row: TableRow) {
  if (row.status === null) return html`not synced yet<span class="badge not-synced">not synced</span>`;
  const color = statusColor(row.status);
  const lastKnown = row.lastKnownStatus ? html` (last known: ${statusLabel(row.lastKnownStatus)})` : '';
  const badge =
    row.comparison === 'removed'
      ? html`<span class="badge removed">removed</span>`
      : row.comparison === 'changed'
        ? html`<span class="badge changed">changed</span>`
        : '';
  return html`<span class="status-dot" style="background:${color}"></span
    ><span class="status" data-status="${row.status}">${statusLabel(row.status)}</span>${lastKnown}${badge}`;
}

function renderCounts(model: TableModel) {
  const withBaseline = model.baseline !== null;
  return html`<table class="numbers categories">
      <thead>
        <tr>
          <th>Category</th>
          ${withBaseline ? html`<th>${model.baseline?.name ?? ''} trials</th>` : ''}
          <th>All listed trials</th>
        </tr>
      </thead>
      <tbody>
        ${model.categoryCounts.map(
          (count) =>
            html`<tr data-category="${count.category}">
              <td>${CATEGORY_LABELS[count.category]}</td>
              ${withBaseline ? html`<td>${count.baseline}</td>` : ''}
              <td>${count.listed}</td>
            </tr> `,
        )}
      </tbody>
    </table>
    <p class="meta">A trial counts once in each category of its combination arm(s).</p>`;
}
