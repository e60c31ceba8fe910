// The administrator's permissions page in Chromium against the whole product: reached from the main
// navigation; roles are shown by name; a new role (with its name) and a new restricted case section (a tab)
// are added, the role given read access to Health and the new section, the preview names who would gain it,
// a change that would leave no one able to administer users is refused with the reason, and saving makes
// version 2 with the reason in the history. A member of the new role then sees the new tab on a case; a
// case manager does not. Axe finds nothing serious on a desktop and on a 390 px phone, where each matrix
// scrolls inside its own labelled, focusable region and the page does not scroll sideways. An admin giving
// their own role Health waits for a second admin, who approves it on the same page; so does giving themselves a
// role on the users page, approved there by the second admin on a phone, by keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe("the administrator's permissions page in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;
  let caseId: string;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    // A member of the role the admin is about to create (the users page offers a role once a version names it).
    await s.conn.collection('users').insertOne({
      username: 'sue.speech', displayName: 'Sue Speech', email: 'sue.speech@example.org', roles: ['speech-language-workers'], teams: ['north'],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
    // A second administrator, to approve a change Ada makes to her own access.
    await s.conn.collection('users').insertOne({
      username: 'bea.admin', displayName: 'Bea Admin', email: 'bea.admin@example.org', roles: ['admins'], teams: [],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
    const signIn = await fetch(`${s.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tom.manager', password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    const created = await fetch(`${s.url}/api/cases`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ givenName: 'Tab', familyName: 'Example', dateOfBirth: '2011-01-01', team: 'north' }),
    });
    caseId = ((await created.json()) as { id: string }).id;
  });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  /** The second admin's decision: sent without one first (the error summary says what to do), then approved. */
  async function approve(page: Page, label: string, reason: string) {
    await page.getByRole('button', { name: 'Send your decision' }).click();
    await page.getByRole('alert').getByText('Choose whether you approve or reject the change').waitFor();
    await page.getByLabel(label).check();
    await page.getByLabel('Reason for your decision (kept in the audit)').fill(reason);
    await page.getByRole('button', { name: 'Send your decision' }).click();
  }

  /** The same, by keyboard alone: Enter on the button, Space on the radio, Tab to the reason, Tab and Enter to send. */
  async function approveByKeyboard(page: Page, label: string, reason: string) {
    await page.getByRole('button', { name: 'Send your decision' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Choose whether you approve or reject the change').waitFor();
    await page.getByLabel(label).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type(reason);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }

  it('adds a role with read access to Health, previews who gains it, refuses a change that leaves no administrator, saves with a reason', async () => {
    const page = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Permissions' }).click();
    await page.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
    await page.getByText(/^Version 1 is in force/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Health workers may read Health' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Case managers may read Health' }).isChecked()).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'case-managers' }).count()).toBe(0); // names, not keys
    await expectCleanPage(page, 1280);

    // A section without a description is refused beside its field, in words.
    await page.getByLabel('Name of the tab').fill('Speech and language');
    await page.getByLabel('Key (the section forms name)').fill('speech-language');
    await page.getByRole('button', { name: 'Add section' }).click();
    await page.getByText('Say what belongs in this section, so admins know who should read it').waitFor();
    await page.getByLabel('What belongs there').fill('Communication needs, assessments and therapy plans');
    await page.getByRole('button', { name: 'Add section' }).click();

    await page.getByLabel('Name', { exact: true }).fill('Speech and language workers');
    await page.getByLabel('Key (the candidate group in process models)').fill('speech-language-workers');
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('checkbox', { name: 'Speech and language workers may View cases' }).check();
    await page.getByRole('checkbox', { name: 'Speech and language workers may read Health' }).check();
    await page.getByRole('checkbox', { name: 'Speech and language workers may read Speech and language' }).check();
    await page.getByRole('checkbox', { name: 'Speech and language workers may change Speech and language' }).check();
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    const effect = page.getByTestId('permissions-effect');
    await effect.getByText('1 user would gain read access to Health').waitFor();
    await effect.getByText('1 user would gain read access to Speech and language').waitFor();
    expect(await effect.textContent()).toContain('Sue Speech');

    // Taking "Administer users" from admins would leave no one able to put a mistake right.
    await page.getByRole('checkbox', { name: 'Administrators may Administer users' }).uncheck();
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await page.getByRole('alert').getByText(/No role could administer users/).waitFor();
    await page.getByRole('checkbox', { name: 'Administrators may Administer users' }).check();

    await page.getByLabel('Reason for the change (kept in the history)').fill('Speech and language workers join the service');
    await page.getByRole('button', { name: 'Save a new version' }).click();
    await page.getByRole('status').getByText('Version 2 saved: it is in force now.').waitFor();
    const history = page.locator('table').filter({ hasText: 'Versions of the permissions' });
    expect(await history.locator('tbody tr').first().textContent()).toMatch(/^2\d{1,2} \w+ \d{4}, \d\d:\d\dAda AdminSpeech and language workers join the service$/);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    const region = page.getByRole('region', { name: 'Case sections each role may read' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const wide = await page.evaluate(() => [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > 390 && !e.closest(".scroll-region")).slice(0, 5).map((e) => `${e.tagName}.${e.className}`));
    expect(wide).toEqual([]);
    await expectCleanPage(page, 390);
  });

  it('shows the new section as a tab to the role that may read it, by its name, and not to a case manager', async () => {
    const sue = await signInAs(browser, system.url, 'sue.speech', { viewport: { width: 1280, height: 900 }, startPath: `/cases/${encodeURIComponent(caseId)}` });
    sue.setDefaultTimeout(10_000);
    await sue.getByRole('tab', { name: 'Speech and language' }).click();
    await sue.getByRole('tabpanel').waitFor();
    expect(await seriousAxeViolations(sue)).toEqual([]);
    const cara = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 }, startPath: `/cases/${encodeURIComponent(caseId)}` });
    cara.setDefaultTimeout(10_000);
    await cara.getByRole('tab', { name: 'Personal' }).waitFor();
    expect(await cara.getByRole('tab', { name: 'Speech and language' }).count()).toBe(0);
    expect(await cara.getByTestId('withheld').textContent()).toContain('Speech and language');
  });

  it("holds an admin's change to their own access for a second admin, who approves it with a reason", async () => {
    const ada = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/admin/permissions' });
    ada.setDefaultTimeout(10_000);
    await ada.getByRole('checkbox', { name: 'Administrators may read Health' }).check();
    await ada.getByRole('button', { name: 'Preview the effect' }).click();
    await ada.getByTestId('permissions-effect').getByText('Another administrator must approve this change.').waitFor();
    await ada.getByLabel('Reason for the change (kept in the history)').fill('Admins check health referrals');
    await ada.getByRole('button', { name: 'Save a new version' }).click();
    await ada.getByRole('status').getByText(/awaits another administrator's approval/).waitFor();
    await ada.getByTestId('permissions-awaiting').getByText('You asked for this change, so another administrator must approve or reject it.').waitFor();

    const bea = await signInAs(browser, system.url, 'bea.admin', { viewport: { width: 390, height: 844 }, startPath: '/admin/permissions' });
    bea.setDefaultTimeout(10_000);
    const awaiting = bea.getByTestId('permissions-awaiting');
    await awaiting.getByText(/^Ada Admin asked for this change on .*“Admins check health referrals”/).waitFor();
    await awaiting.getByText(/would gain read access to Health/).waitFor();
    await expectCleanPage(bea, 390);
    await approve(bea, 'Yes, approve it and put it in force', 'Agreed at the service meeting');
    await bea.getByRole('status').getByText('Change approved: version 3 is in force now.').waitFor();
    const history = bea.locator('table').filter({ hasText: 'Versions of the permissions' });
    expect(await history.locator('tbody tr').first().textContent()).toContain('Ada Admin (approved by Bea Admin)Admins check health referrals');
  });

  it('holds an admin giving themselves a role on the users page for a second admin, who approves it there', async () => {
    const ada = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/admin/users' });
    ada.setDefaultTimeout(10_000);
    const adaRow = (page: Page) => page.getByRole('row').filter({ hasText: 'ada.admin' });
    await adaRow(ada).getByRole('button', { name: 'Edit' }).click();
    await ada.getByRole('checkbox', { name: 'Case managers', exact: true }).check();
    await ada.getByRole('button', { name: 'Save changes' }).click();
    await ada.getByRole('status').getByText(/^Your new roles or teams need another administrator's approval, because you would gain access to children's data \(.*View cases/).waitFor();
    const mine = ada.getByTestId('account-changes-awaiting');
    await mine.getByText('Roles: Administrators → Administrators, Case managers').waitFor();
    await mine.getByText('You asked for this change, so another administrator must approve or reject it.').waitFor();
    expect(await adaRow(ada).getByRole('cell').nth(2).textContent()).toBe('Administrators');

    const bea = await signInAs(browser, system.url, 'bea.admin', { viewport: { width: 390, height: 844 }, startPath: '/admin/users' });
    bea.setDefaultTimeout(10_000);
    await bea.getByTestId('account-changes-awaiting').getByRole('heading', { name: /^Ada Admin asked on .* to change their own account$/ }).waitFor();
    await bea.getByTestId('access-given').getByText('No administrator gave an account access to children’s data in the last 30 days.').waitFor();
    await expectCleanPage(bea, 390);
    await approveByKeyboard(bea, 'Yes, approve it and change the account', 'Ada covers the duty desk');
    await bea.getByRole('status').getByText('Ada Admin’s account change was approved.').waitFor();
    expect(await adaRow(bea).getByRole('cell').nth(2).textContent()).toBe('Administrators, Case managers');
  });
});
