// A team manager's key performance indicators in Chromium, on a desktop and then on a 390 px phone: reached
// from the reports' own navigation, the headline chart with its table beside it, each indicator's table for
// the manager's own team only, the form fields that feed it in words, a CSV download of a table (counts
// and rates only), the team filter; axe finds nothing serious and nothing is wider than the phone. The
// facts are put straight into the KPI projection (its figures are the feature test's concern).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../support/axe';
import { launchBrowser, signInAs } from '../../support/browser';
import { rootDir } from '../../support/server-process';
import { startTestSystem } from '../../support/system';

const lastMonth = (() => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
})();

describe('manager: the key performance indicators', () => {
  let browser: Browser;
  let system: Awaited<ReturnType<typeof startTestSystem>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rootDir, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run the tests through `npm test`, which builds the client');
    system = await startTestSystem();
    browser = await launchBrowser();
    // Closures last month: north's two (one in suitable accommodation), south's one.
    for (const [id, team, suitable] of [['k1', 'north', 'yes'], ['k2', 'north', 'no'], ['k3', 'south', 'yes']]) {
      await system.modules.reports.kpiFacts.put({
        id, caseId: `case-${id}`, team, formId: 'case-closure-end-data', on: `${lastMonth}-10`, submittedAt: `${lastMonth}-10T10:00:00.000Z`,
        values: { closureReason: 'orderCompleted', accommodationSuitableAtEnd: suitable, sendNeedIdentified: 'no' },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('shows the manager\'s own team, the fields behind each figure and a CSV of each table, on a desktop and a phone', async () => {
    const page = await signInAs(browser, system.url, 'tom.manager', { viewport: { width: 1280, height: 900 }, startPath: '/reports' });
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Key performance indicators' }).click();
    await page.getByRole('heading', { name: 'Key performance indicators', level: 1 }).waitFor();
    const accommodation = page.getByTestId('kpi-table-accommodation');
    await accommodation.waitFor();
    // Tom manages north only: south's closure is not counted, and no row names another team.
    expect(await accommodation.locator('tbody th').allTextContents()).toEqual(['All teams in view (2 in all)', 'North team (2 in all)']);
    expect(await accommodation.locator('tbody tr').first().textContent()).toContain('Suitable at the start');
    expect(await accommodation.textContent()).toContain('1 of 2');
    expect(await accommodation.textContent()).toContain('50%');
    const summary = page.getByTestId('kpi-summary-table');
    expect(await summary.locator('tbody tr', { hasText: 'Suitable accommodation' }).textContent()).toContain('50%');
    expect(await page.getByRole('img', { name: /Headline figures, per cent\. Suitable accommodation: 50%/ }).count()).toBe(1);
    // Indicators the product has no data for say so.
    expect(await page.getByRole('region', { name: 'Reoffending', exact: true }).textContent()).toContain('12 months');

    await page.getByRole('region', { name: 'Suitable accommodation', exact: true }).getByText('Which form fields feed this indicator').click();
    expect(await page.getByTestId('kpi-sources-accommodation').textContent()).toContain('Is the accommodation suitable for the child?');

    const link = page.getByRole('link', { name: /Download the suitable accommodation table/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('table=accommodation');
    const csv = await page.evaluate(async (url) => { const r = await fetch(url); return { status: r.status, text: await r.text() }; }, href);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('Team,Cohort,Measure,Count,Out of,Per cent,Not recorded');
    expect(csv.text).toContain('North team,2,Suitable at the end,1,2,50,0');
    expect(csv.text).not.toMatch(/case-k|South/);
    await expectCleanPage(page, 1280);

    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'North team' });
    await page.getByRole('button', { name: 'Show indicators' }).click();
    await page.getByTestId('kpi-period').filter({ hasText: 'North team' }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await accommodation.waitFor();
    await expectCleanPage(page, 390);
  });
});
