import { describe, expect, it } from 'vitest';
import { buildTableModel } from './build-table-model.js';
import { escapeHtml, html } from './html-escape.js';
import { renderTablePage } from './render-table-page.js';
import { fixtureTrial, fixtureTrialDoc } from './trial-doc.fixture.js';

describe('escapeHtml', () => {
  it('turns every markup character into an entity', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('html`` escapes values but not nested html``', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['<', '>']}</p>`.html).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;&gt;</p>',
    );
  });
});

describe('renderTablePage', () => {
  const hostile = '<script>alert(1)</script>';
  const doc = fixtureTrialDoc(
    fixtureTrial('NCT00000001', {
      acronym: hostile,
      countries: [`"Sweden" & <Norway>`],
      overallStatus: 'RECRUITING',
    }),
  );
  const model = buildTableModel({
    cohort: 'prrt',
    baseline: {
      name: 'table2',
      source: `file<img src=x onerror=alert(1)>.tsv`,
      importedAt: new Date('2026-01-01T00:00:00Z'),
      rows: [
        {
          nctId: 'NCT00000001',
          trialId: hostile,
          origin: `Malmö "south" <x>`,
          estEnrollment: 30,
          combinedWith: null,
          prrt: null,
          dosage: null,
          phase: 'II',
          statusAsPublished: 'Not yet <recruiting>',
          status: 'NOT_YET_RECRUITING',
          unmapped: false,
        },
      ],
    },
    trials: [doc],
    statusEvents: [],
    latestRun: null,
    now: new Date('2026-09-04T00:00:00Z'),
    includeOthers: true,
  });
  const page = renderTablePage(model);

  it('escapes every value that comes from data, and carries no script', () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<x>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;Sweden&quot; &amp; &lt;Norway&gt;');
    expect(page).toContain('Not yet &lt;recruiting&gt;');
    expect(page).toContain('title="printed: Malmö &quot;south&quot; &lt;x&gt;"');
  });

  it('highlights the moved status with a class and a visible badge, and shows both statuses', () => {
    const rowHtml = /<tr class="([^"]*)" data-nct="NCT00000001"[\s\S]*?<\/tr>/.exec(page);
    expect(rowHtml?.[1]).toContain('status-moved');
    expect(rowHtml?.[0]).toContain('<span class="badge changed">changed</span>');
    expect(rowHtml?.[0]).toContain('<td class="status-published">Not yet &lt;recruiting&gt;</td>');
    expect(rowHtml?.[0]).toContain('data-status="RECRUITING">Recruiting</span>');
    expect(rowHtml?.[0]).toContain('printed 30');
  });

  it('says when no run has finished, and draws the timeline as inline SVG', () => {
    expect(page).toContain('No sync run has finished for this cohort yet');
    expect(page).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="timeline"/);
    expect(page).toContain('<title>NCT00000001: Recruiting from 2024-01-15 to 2026-09-04</title>');
  });
});
