// The administrator's service accounts page in Chromium against the whole product (issue 22): reached from
// the main navigation; a form with nothing chosen lists its problems in an error summary; a new account's
// token is shown once (reading cases, it works once another administrator approves: the page says so and
// the token is refused meanwhile; a second administrator approves it on a phone by keyboard); after leaving the page it is not shown again; revoking
// asks why, and the token is then refused. Axe finds nothing serious on a desktop and on a 390 px phone.
// Then a portal's referral for a child already known is held, and a team manager decides it on the Referrals
// to decide page: nothing chosen and a missing reason are listed in the error summary; joining it to the
// existing case is confirmed and the referral leaves the list.
import type { Browser, Page } from 'playwright-core';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { demoSessions } from '../../support/demo-sessions';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe("the administrator's service accounts page in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;
  e2eLifecycle(async (s, b) => {
    system = s; browser = b;
    // A second administrator, to approve an account that reads case data.
    await s.conn.collection('users').insertOne({
      username: 'bea.admin', displayName: 'Bea Admin', email: 'bea.admin@example.org', roles: ['admins'], teams: [],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
  });

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
    // It reads Personal details of cases: it waits for another administrator, and the page says so.
    await page.getByText('This account reads children’s data, so the token works once another administrator approves it.').waitFor();
    expect(await callWith(token)).toBe(403);
    const row = page.getByRole('row').filter({ hasText: 'Police referral portal' });
    expect(await row.textContent()).toContain('Court officers. Team: North');
    expect(await row.textContent()).toContain('Awaiting another administrator’s approval: its tokens do not work yet');
    await page.getByText('You made this account, so another administrator must approve or reject it.').waitFor();

    // Bea approves it on her phone, by keyboard alone; then the token works (no such case, rather than 403).
    const bea = await signInAs(browser, system.url, 'bea.admin', { viewport: { width: 390, height: 844 }, startPath: '/admin/service-accounts' });
    bea.setDefaultTimeout(10_000);
    await bea.getByRole('heading', { name: /^Ada Admin made a service account on / }).waitFor();
    await bea.getByText('Its tokens would reach children’s data: read Personal details, the cases of North team.', { exact: false }).waitFor();
    await expectCleanPage(bea, 390);
    await bea.getByLabel('Yes, approve it: its tokens may work').focus();
    await bea.keyboard.press('Space');
    await bea.keyboard.press('Tab');
    await bea.keyboard.type('The police portal is covered by our data sharing agreement');
    await bea.keyboard.press('Tab');
    await bea.keyboard.press('Enter');
    await bea.getByRole('status').getByText('Police referral portal was approved.').waitFor();
    expect(await callWith(token)).toBe(404);
    await page.reload();
    await row.getByText(/^Expires /).waitFor();
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

  it('lets a team manager decide a referral a portal sent for a child already known', async () => {
    const { call, signIn } = demoSessions(() => system.url);
    await signIn('ada.admin');
    const { token } = (await call('ada.admin', 'POST', '/admin/service-accounts', {
      name: 'Court portal', roles: ['court-officers'], teams: ['north'], scopes: ['referrals:create'], tokenDays: 30,
    })).body as { token: string };
    const send = async (key: string, portalReference: string) => (await fetch(`${system.url}/api/integration/referrals`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ givenName: 'Nia', familyName: 'Held', dateOfBirth: '2011-02-03', referralSource: 'court', portalReference }),
    })).status;
    expect([await send('court-0001-aaaa', 'CRT-1'), await send('court-0002-bbbb', 'CRT-2')]).toEqual([201, 202]);

    const page = await signInAs(browser, system.url, 'tom.manager', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals to decide' }).click();
    const card = page.getByRole('region', { name: 'Nia Held, born 3 February 2011' });
    await card.getByText('Court portal').waitFor();
    await card.getByRole('link', { name: 'Nia Held' }).waitFor(); // the likely match, by name
    await card.getByRole('button', { name: 'Save decision' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Choose what this referral is' }).waitFor();
    await card.getByLabel('It is not a referral for this service').check();
    await card.getByRole('button', { name: 'Save decision' }).click();
    await summary.getByRole('link', { name: 'Say why this is not a referral for the service' }).waitFor();
    await expectCleanPage(page, 1280);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectCleanPage(page, 390);

    await card.getByLabel(/^It is Nia Held, born 3 February 2011: add the referral/).check();
    await card.getByRole('button', { name: 'Save decision' }).click();
    await page.getByRole('status').getByText('The referral for Nia Held was added to the existing case').waitFor();
    await page.getByText('No referrals are waiting for a decision.').waitFor();
    expect(await summary.count()).toBe(0);
    await expectCleanPage(page, 390);
  });
});
