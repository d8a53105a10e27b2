import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createApiServer, type ApiServer } from '@trialwatch/api';
import { silentLogger } from '@trialwatch/logger';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDemoNights, type DemoNights } from './support/demo-nights.js';
import { repoRoot, table2TsvPath } from './support/paths.js';
import { readFileSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-token-0123456789';
const screenshotPath = path.join(repoRoot, 'test-artifacts/table-page.png');
const table2Ids = readFileSync(table2TsvPath, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0])
  .filter((id): id is string => id !== undefined && /^NCT\d{8}$/.test(id));

/**
 * The live Table 2 page in Debian's chromium, with JavaScript off: after Table 2 is imported and the demo
 * data synced over two nights, the page lists the 19 trials with the status printed then and the status
 * now, and highlights a status that moved. No chromium, no pass: the test fails, it does not skip.
 */
describe('the live Table 2 page in a real browser', () => {
  // Undefined when setup stopped half-way: teardown closes what was opened.
  let demo: DemoNights | undefined;
  let server: ApiServer | undefined;
  let url: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    demo = await syncDemoNights();
    const api = createApiServer({ store: demo.pipeline.context.store, token: TOKEN, logger: silentLogger() });
    server = api;
    url = `${(await api.listen(0, '127.0.0.1')).url}/cohorts/prrt/table`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await demo?.close();
  });

  it('shows the 19 Table 2 trials with both statuses and highlights a changed one, without JavaScript', async () => {
    // A missing browser fails this test (it is not skipped): CI must install Debian's chromium.
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`).toBe(true);
    expect(table2Ids).toHaveLength(19);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` },
      viewport: { width: 1300, height: 1000 },
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page.title()).resolves.toContain('prrt');

      const rows = page.locator('section#baseline tbody tr');
      expect(await rows.count()).toBe(19);
      const ids: (string | null)[] = [];
      for (let index = 0; index < 19; index++) ids.push(await rows.nth(index).getAttribute('data-nct'));
      expect(ids).toEqual(table2Ids);
      const published = await page.locator('section#baseline td.status-published').allInnerTexts();
      const now = await page.locator('section#baseline td.status-now').allInnerTexts();
      expect(published.filter((text) => text.trim() !== '')).toHaveLength(19);
      expect(now.filter((text) => text.trim() !== '' && !text.includes('not synced'))).toHaveLength(19);

      const startNet = page.locator('tr[data-nct="NCT05387603"]');
      await expect(startNet.locator('td.status-published').innerText()).resolves.toContain(
        'Not yet recruiting',
      );
      await expect(startNet.locator('td.status-now').innerText()).resolves.toMatch(/^Recruiting/);
      expect(await startNet.getAttribute('class')).toContain('status-moved');
      await expect(startNet.locator('.badge.changed').innerText()).resolves.toBe('changed');
      // Runs in the page; the repository's TypeScript has no DOM types, so the one function used is declared.
      const background = await startNet
        .locator('td')
        .first()
        .evaluate(
          (cell) =>
            (
              globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }
            ).getComputedStyle(cell).backgroundColor,
        );
      expect(background).not.toBe('rgba(0, 0, 0, 0)');

      const unchanged = page.locator('tr[data-nct="NCT05053854"]');
      expect(await unchanged.getAttribute('class')).not.toContain('status-moved');
      expect(await page.locator('section#baseline tr.status-moved').count()).toBeGreaterThanOrEqual(1);

      await expect(page.locator('svg.timeline g.timeline-row').count()).resolves.toBeGreaterThanOrEqual(19);
      await expect(
        page.locator('table.categories tr[data-category="double-prrt"] td').nth(1).innerText(),
      ).resolves.toBe('2');
      await expect(page.locator('.data-date time').count()).resolves.toBe(1);

      await mkdir(path.dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });
      expect(existsSync(screenshotPath)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
