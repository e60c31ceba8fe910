// Every main page, as each demo role, on a desktop and on a 390 px phone (issue 18): axe-core finds no
// serious or critical violation, nothing scrolls sideways, each page has a title of its own, the skip link
// takes keyboard focus to the main content, and after a navigation focus is on the new page's h1. One test
// per role collects every problem it meets, so a failure lists them all (page, viewport, what is wrong).
import type { Browser, Page } from 'playwright-core';
import { NAV_SECTIONS } from '../../../client/src/shell/nav-sections';
import { can } from '../../../server/src/domain/policies';
import type { Role } from '../../../server/src/domain/users/user';
import { describeAxeFindings, seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { demoSessions } from '../../support/demo-sessions';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** One demo user per role (seed-demo-users.ts). */
const ROLES: [string, Role][] = [
  ['cara.case', 'case-managers'],
  ['tom.manager', 'team-managers'],
  ['colin.court', 'court-officers'],
  ['vicky.victim', 'victim-workers'],
  ['pat.panel', 'panel-coordinators'],
  ['helen.health', 'health-workers'],
  ['dan.data', 'data-officers'],
  ['dee.dpo', 'dpo'],
  ['ada.admin', 'admins'],
];

describe('main pages: accessible on desktop and phone for every role', () => {
  let system: E2eSystem;
  let browser: Browser;
  const api = demoSessions(() => system.url);
  let caseId = '';
  let taskId = '';

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    // One case with an open intake task, so the case page and a task page (id with a dot) are visited too.
    await api.signIn('cara.case');
    const created = await api.call('cara.case', 'POST', '/cases', { givenName: 'Ari', familyName: 'Access', dateOfBirth: '2011-05-06', team: 'north', confirmedNotDuplicate: true });
    if (created.status !== 201) throw new Error(`case not created: ${created.text}`);
    caseId = created.body.id;
    const started = await api.call('cara.case', 'POST', `/cases/${encodeURIComponent(caseId)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
    if (started.status !== 201) throw new Error(`referral not started: ${started.text}`);
    const [task] = await system.modules.workflow.engine.listUserTasks({ instanceKey: started.body.instanceKey, state: 'open' });
    taskId = task.key;
  });

  /** The pages a person of this role is offered: home, every nav entry of theirs, their account; the case and a task for case workers. */
  function pagesFor(role: Role): string[] {
    const actor = { id: 'x', roles: [role] };
    const nav = NAV_SECTIONS.filter((s) => !s.action || can(actor, s.action as never)).map((s) => s.path);
    const work = role === 'case-managers' || role === 'team-managers' ? [`/cases/${encodeURIComponent(caseId)}`, `/tasks/${encodeURIComponent(taskId)}`] : [];
    const design = can(actor, 'deploy-form') ? ['/forms/designer/referral-consent'] : [];
    return [...new Set(['/', ...nav, '/account', ...work, ...design])];
  }

  /** The page has drawn its h1 and finished loading what it asked the server for. */
  async function settled(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.match(/^(Loading|Checking)/), undefined, { timeout: 10000 }).catch(() => undefined);
  }

  async function checkPages(page: Page, username: string, role: Role, viewport: typeof DESKTOP): Promise<string[]> {
    const problems: string[] = [];
    const where = (path: string) => `${username} ${viewport.width} px ${path}`;
    await page.setViewportSize(viewport);
    const titles = new Map<string, string>();
    for (const path of pagesFor(role)) {
      await page.goto(`${system.url}${path}`);
      try {
        await settled(page);
      } catch {
        problems.push(`${where(path)}: no h1 within 30 s; the page shows "${(await page.locator('body').innerText()).slice(0, 200)}"`);
        continue;
      }
      const facts = await page.evaluate(() => ({
        title: document.title,
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        h1: document.querySelector('main h1')?.textContent ?? '',
      }));
      if (facts.h1 === 'Not available') problems.push(`${where(path)}: offered in the navigation but "Not available"`);
      if (!/^.+ – YJS Workflow$/.test(facts.title)) problems.push(`${where(path)}: title "${facts.title}" does not name the page`);
      const samePage = [...titles].find(([, t]) => t === facts.title);
      if (samePage) problems.push(`${where(path)}: same title "${facts.title}" as ${samePage[0]}`);
      titles.set(path, facts.title);
      if (facts.scrollWidth > facts.innerWidth) problems.push(`${where(path)}: scrolls sideways (${facts.scrollWidth} px wide in ${facts.innerWidth} px)`);
      const found = await seriousAxeViolations(page);
      if (found.length) problems.push(`${where(path)}: axe\n${describeAxeFindings(found)}`);
    }
    return problems;
  }

  /** Tab from the top reaches the skip link first; it moves focus to <main>; a nav link moves focus to the next page's h1. */
  async function checkKeyboard(username: string, viewport: typeof DESKTOP): Promise<string[]> {
    const problems: string[] = [];
    const page = await signInAs(browser, system.url, username, { viewport, startPath: '/' });
    await page.goto(`${system.url}/`);
    await settled(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (first !== 'Skip to main content') problems.push(`${username} ${viewport.width} px: first tab stop is "${first}", not the skip link`);
    await page.keyboard.press('Enter');
    if (!(await page.evaluate(() => document.activeElement?.id === 'main-content'))) problems.push(`${username} ${viewport.width} px: the skip link did not move focus to the main content`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    if (viewport.width < 640) await nav.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Timescales' }).click();
    await page.waitForURL(`${system.url}/timescales`);
    await settled(page);
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent ?? '' }));
    if (focused.tag !== 'H1') problems.push(`${username} ${viewport.width} px: after navigating to Timescales focus is on ${focused.tag} "${focused.text.slice(0, 40)}", not the h1`);
    if (!(await page.title()).startsWith('Timescales')) problems.push(`${username} ${viewport.width} px: after navigating the title is "${await page.title()}"`);
    await page.context().close();
    return problems;
  }

  // One sign-in per role, the viewport changed in between: sign-in is limited to 20 per address in 10 minutes
  // (login-rate-limit.middleware.ts), and this file signing in once per role and viewport ran past it.
  it.each(ROLES)('%s (%s): every main page on desktop and phone', async (username, role) => {
    const page = await signInAs(browser, system.url, username, { viewport: DESKTOP, startPath: '/' });
    const problems = [
      ...(await checkPages(page, username, role, DESKTOP)),
      ...(await checkPages(page, username, role, PHONE)),
    ];
    await page.context().close();
    expect(problems.join('\n')).toBe('');
  }, 300000);

  it.each([['desktop', DESKTOP], ['phone', PHONE]] as const)('keyboard on %s: skip link, then focus on the new page\'s h1 after navigation', async (_name, viewport) => {
    expect((await checkKeyboard('cara.case', viewport)).join('\n')).toBe('');
  }, 120000);

  it('the queue filters fold into "Filter tasks" on a phone and stay open on a desktop', async () => {
    for (const [viewport, open] of [[PHONE, false], [DESKTOP, true]] as const) {
      const page = await signInAs(browser, system.url, 'cara.case', { viewport, startPath: '/tasks' });
      await settled(page);
      const panel = page.locator('details.queue-filter-panel');
      expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(open);
      expect(await page.getByLabel('Due from').isVisible()).toBe(open);
      if (!open) {
        await panel.getByText('Filter tasks').click();
        await page.getByLabel('Due from').waitFor();
      }
      await page.context().close();
    }
  }, 120000);

  it('a task deep link (id with a dot) opened and refreshed is the app, not JSON; a failed submit focuses the error summary', async () => {
    expect(taskId).toContain('.');
    const page = await signInAs(browser, system.url, 'cara.case', { startPath: `/tasks/${encodeURIComponent(taskId)}` });
    await settled(page);
    const reload = await page.reload();
    expect([reload?.status(), reload?.headers()['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    await settled(page);
    expect(await page.locator('main h1').textContent()).not.toBe('Page not found');
    expect(await page.title()).toMatch(/ – YJS Workflow$/);

    // A failed submit moves focus to the GOV.UK error summary, whose links lead to the fields.
    await page.getByRole('button', { name: 'Claim' }).click();
    // The page reloads the task after the claim and draws the form again: a click before that lands on the
    // form being replaced (seen under CI load), so wait until the claim shows.
    await page.getByRole('button', { name: 'Release' }).waitFor();
    await page.getByRole('button', { name: 'Complete task' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))).toBe(true);
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 120000);
});
