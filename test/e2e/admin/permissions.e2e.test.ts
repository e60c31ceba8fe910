// The administrator's permissions page in Chromium against the whole product: reached from the main
// navigation; a new role is added and given read access to Health, the preview names who would gain it,
// a change that would leave no one able to administer users is refused with the reason, and saving makes
// version 2 with the reason in the history. Axe finds nothing serious on a desktop and on a 390 px phone,
// where each matrix scrolls inside its own labelled, focusable region and the page does not scroll sideways.
import type { Browser, Page } from 'playwright-core';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe("the administrator's permissions page in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    // A member of the role the admin is about to create (the users page offers a role once a version names it).
    await s.conn.collection('users').insertOne({
      username: 'sue.speech', displayName: 'Sue Speech', email: 'sue.speech@example.org', roles: ['speech-language-workers'], teams: ['north'],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
  });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('adds a role with read access to Health, previews who gains it, refuses a change that leaves no administrator, saves with a reason', async () => {
    const page = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Permissions' }).click();
    await page.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
    await page.getByText(/^Version 1 is in force/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'health-workers may read Health' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'case-managers may read Health' }).isChecked()).toBe(false);
    await expectCleanPage(page, 1280);

    await page.getByLabel('Add a role').fill('speech-language-workers');
    await page.getByRole('button', { name: 'Add role' }).click();
    await page.getByRole('checkbox', { name: 'speech-language-workers may View cases' }).check();
    await page.getByRole('checkbox', { name: 'speech-language-workers may read Health' }).check();
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    const effect = page.getByTestId('permissions-effect');
    await effect.getByText('1 user would gain read access to Health').waitFor();
    expect(await effect.textContent()).toContain('Sue Speech');

    // Taking "Administer users" from admins would leave no one able to put a mistake right.
    await page.getByRole('checkbox', { name: 'admins may Administer users' }).uncheck();
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    await page.getByRole('alert').getByText(/No role could administer users/).waitFor();
    await page.getByRole('checkbox', { name: 'admins may Administer users' }).check();

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
});
