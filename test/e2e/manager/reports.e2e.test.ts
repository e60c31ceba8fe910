// A team manager's timeliness report in Chromium, on a desktop and on a 390 px phone: reached from the
// main navigation, figures in words (timescale names and standards, team names, people by name, months),
// a person filter, the chart with its table beside it; axe finds nothing serious and nothing is wider than
// the phone. The facts are put straight into the projection (its figures are the feature test's concern).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../support/axe';
import { launchBrowser, signInAs } from '../../support/browser';
import { rootDir } from '../../support/server-process';
import { startTestSystem } from '../../support/system';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';

const month = (offset: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};
const monthWords = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('manager: the timeliness report', () => {
  let browser: Browser;
  let system: Awaited<ReturnType<typeof startTestSystem>>;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rootDir, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run the tests through `npm test`, which builds the client');
    system = await startTestSystem();
    browser = await launchBrowser();
    const users = system.modules.security.users;
    const cara = (await users.findByUsername('cara.case'))!.id;
    const colin = (await users.findByUsername('colin.court'))!.id;
    const fact = (id: string, m: string, over: Partial<TaskFact>): TaskFact => ({
      id, caseId: `case-${id}`, team: 'north', processId: 'p', processVersion: 1, elementId: 'assess', taskName: 'Assess',
      timescaleId: 'oocdAssessment', timescaleVersion: 1, createdAt: `${m}-01T09:00:00.000Z`, dueDate: `${m}-05T17:00:00.000Z`,
      state: 'completed', completedAt: `${m}-04T10:00:00.000Z`, worker: cara, ...over,
    });
    for (const f of [
      fact('a', month(-1), {}),
      fact('b', month(-1), { completedAt: `${month(-1)}-12T10:00:00.000Z`, worker: colin }),
      fact('c', month(-2), { state: 'open', completedAt: undefined, worker: undefined }),
      fact('d', month(-1), { team: 'south', worker: undefined }),
    ]) await system.modules.reports.facts.put(f);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('on a desktop: reached from the navigation, in words, filtered to one person', async () => {
    const page = await signInAs(browser, system.url, 'tom.manager', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Timeliness report' }).waitFor();
    const byTimescale = page.getByTestId('timescale-table');
    await byTimescale.waitFor();
    expect(await byTimescale.textContent()).toContain('Out-of-court disposal assessment complete');
    expect(await byTimescale.textContent()).toContain('10 working days');
    const rows = await page.getByTestId('worker-table').locator('tbody tr th').allTextContents();
    expect(rows.sort()).toEqual(['Cara Case', 'Colin Court', 'Not yet picked up']);
    expect(await page.getByTestId('team-table').locator('tbody tr th').allTextContents()).toEqual(['North team']); // Tom manages north only
    expect(await page.getByTestId('trend-table').textContent()).toContain(monthWords(month(-1)));
    expect(await page.getByRole('img', { name: /Trend by month/ }).count()).toBe(1);
    await expectCleanPage(page, 1280);

    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Colin Court' });
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByTestId('worker-table').locator('tbody tr th', { hasText: 'Colin Court' }).waitFor();
    expect(await page.getByTestId('worker-table').locator('tbody tr th').allTextContents()).toEqual(['Colin Court']);
    expect(await page.getByTestId('timescale-table').textContent()).toMatch(/1 by \d+ working days?/);
  });

  it('on a 390 px phone: nothing wider than the screen, axe clean', async () => {
    const page = await signInAs(browser, system.url, 'tom.manager', { viewport: { width: 390, height: 844 }, startPath: '/reports' });
    await page.getByTestId('timescale-table').waitFor();
    await expectCleanPage(page, 390);
  });
});
