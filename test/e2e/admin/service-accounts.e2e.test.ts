// The administrator's service accounts page in Chromium against the whole product (issue 22): reached from
// the main navigation; a form with nothing chosen lists its problems in an error summary; a new account's
// token is shown once and works at /api/integration; after leaving the page it is not shown again; revoking
// asks why, and the token is then refused. Axe finds nothing serious on a desktop and on a 390 px phone.
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe("the administrator's service accounts page in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;
  e2eLifecycle((s, b) => { system = s; browser = b; });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  const callWith = async (token: string) =>
    (await fetch(`${system.url}/api/integration/cases/YJ-NONE`, { headers: { authorization: `Bearer ${token}` } })).status;

  it('creates an account, shows its token once, and revokes it with a reason', async () => {
    const page = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Service accounts' }).click();
    await page.getByRole('heading', { name: 'Service accounts', level: 1 }).waitFor();
    await page.getByText('No service accounts yet.').waitFor();
    await page.getByRole('button', { name: 'New service account' }).click();
    await page.getByRole('button', { name: 'Create service account' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter the name of the system' }).waitFor();
    expect(await summary.getByRole('link').count()).toBe(4);
    await expectCleanPage(page, 1280);

    await page.getByLabel('Name of the system').fill('Police referral portal');
    await page.getByRole('checkbox', { name: 'Court officers' }).check();
    await page.getByRole('textbox', { name: 'Teams' }).fill('north');
    await page.getByRole('checkbox', { name: /^Read the Personal section/ }).check();
    await page.getByRole('button', { name: 'Create service account' }).click();
    await page.getByRole('heading', { name: 'Token for Police referral portal' }).waitFor();
    const token = await page.getByRole('textbox', { name: 'Token', exact: true }).inputValue();
    expect(token).toMatch(/^yjs\./);
    expect(await callWith(token)).toBe(404); // it works: no such case, rather than 401
    const row = page.getByRole('row').filter({ hasText: 'Police referral portal' });
    expect(await row.textContent()).toContain('Court officers. Team: North');
    await expectCleanPage(page, 1280);

    await page.setViewportSize({ width: 390, height: 844 });
    await expectCleanPage(page, 390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.reload();
    await page.getByRole('heading', { name: 'Service accounts', level: 1 }).waitFor();
    await row.waitFor();
    expect(await page.content()).not.toContain(token);

    await row.getByRole('button', { name: 'Revoke Police referral portal' }).click();
    await page.getByLabel('Why is Police referral portal revoked?').fill('The portal moved to a new supplier');
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByRole('status').getByText('Police referral portal was revoked: its tokens no longer work.').waitFor();
    expect(await row.textContent()).toContain('The portal moved to a new supplier');
    expect(await callWith(token)).toBe(401);
  });
});
