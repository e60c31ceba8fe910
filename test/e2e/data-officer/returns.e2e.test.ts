// The data officer's case-level return in Chromium against the whole product: reached from the main
// navigation, last quarter chosen by default; generating shows the counts and the record that cannot be
// completed with the child's name; the file downloads; marking it submitted shows who and when. Axe finds
// nothing serious, on a desktop and on a 390 px phone, and nothing is wider than the phone.
import type { Browser, Page } from 'playwright-core';
import { identityKeys } from '../../../server/src/domain/cases/person-identity';
import { previousQuarter, quarterOf } from '../../../server/src/domain/returns/return-quarter';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

// Last quarter, whatever today is: the page's default.
const quarter = previousQuarter(quarterOf(new Date().toISOString().slice(0, 10)));
const inQuarter = quarter.start.replace(/-01$/, '-15');

function child(id: string, given: string, personal: Record<string, unknown>, order: Record<string, unknown>): CaseRecord {
  const state = (values: Record<string, unknown>, collections?: Record<string, { id: string; values: Record<string, unknown>; sources: Record<string, never> }[]>) => ({
    values, revision: 0, updatedAt: `${inQuarter}T09:00:00.000Z`, updatedBy: 'cara.case', sources: {}, ...(collections ? { collections } : {}),
  });
  return {
    id, team: 'north', status: 'open', createdAt: `${quarter.start}T09:00:00.000Z`, createdBy: 'cara.case',
    identity: { ...identityKeys({ givenName: given, familyName: 'Return', dateOfBirth: '2010-02-02' }), displayName: `${given} Return` },
    sections: { personal: state({ givenName: given, familyName: 'Return', dateOfBirth: '2010-02-02', ...personal }), offending: state({}, { orders: [{ id: `${id}-o`, values: order, sources: {} }] }) },
  };
}

describe("the data officer's case-level return in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    await s.modules.tasks.cases.create(child('YJ-E2ERET01', 'Rosa', { gender: 'female', ethnicity: 'white-irish' }, { type: 'yro', madeOn: inQuarter, lengthMonths: 6 }), []);
    await s.modules.tasks.cases.create(child('YJ-E2ERET02', 'Ivor', { gender: 'male' }, { type: 'referral-order', madeOn: inQuarter }), []);
  });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('generates, shows what cannot be completed, downloads and marks the return submitted; clean at 390 px', async () => {
    const page = await signInAs(browser, system.url, 'dan.data', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Returns' }).click();
    await page.getByRole('heading', { name: 'Case-level returns', level: 1 }).waitFor();
    expect(await page.getByTestId('return-quarter').textContent()).toBe(quarter.words);
    await page.getByText('No return has been generated for this quarter yet.').waitFor();
    await expectCleanPage(page, 1280);

    await page.getByRole('button', { name: 'Generate the return' }).click();
    await page.getByRole('status').getByText('Version 1 generated: 1 child, 2 records, 2 left out.').waitFor();
    const problems = page.getByRole('region', { name: 'Records that cannot be completed', exact: true });
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('Ivor Return')]);
    expect(await problems.textContent()).toContain('Ethnicity is not recorded (Personal tab)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download version 1' }).click()]);
    expect(download.suggestedFilename()).toBe(`yjb-case-level-${quarter.id}-v1.xml`);
    await expectCleanPage(page, 1280);

    await page.getByRole('button', { name: 'Mark as submitted (version 1)' }).click();
    await page.getByRole('status').getByText('Version 1 marked as submitted.').waitFor();
    expect(await page.getByTestId('return-version-1').textContent()).toMatch(/Submitted \d{1,2} \w+ \d{4}, \d\d:\d\d by Dan Data/);
    expect(await page.getByRole('button', { name: /Mark as submitted/ }).count()).toBe(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await expectCleanPage(page, 390);
  });
});
