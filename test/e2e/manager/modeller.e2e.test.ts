// The manager's modeller in Chromium against the whole product: a team manager opens the referral
// process, renames a user task and picks its due-date timescale in the properties panel, breaks a
// service task (no task type) and sees the lint error in the problems panel, clicks it to select the
// task, fixes it, deploys version 2 with a comment, and sees two versions and the diff marking the task.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser';
import { startTestSystem } from '../../support/system';

describe('manager modeller', () => {
  let browser: Browser;
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    system = await startTestSystem();
    browser = await launchBrowser();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const p = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
    p.on('pageerror', (e) => consoleErrors.push(String(e)));
    await p.goto(`${system.url}/processes`);
    await p.getByLabel('Username').fill(username);
    await p.getByLabel('Password').fill('demo-password-2026');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByTestId('signed-in-user').waitFor();
    return p;
  }

  const shape = (id: string) => page.getByTestId('modeller-canvas').locator(`.djs-element[data-element-id="${id}"]`);
  // The palette may cover a shape after "fit to viewport": click its hit area the way diagram-js listens.
  const select = (id: string) => shape(id).locator('.djs-hit').first().dispatchEvent('click');
  const panel = () => page.getByTestId('properties-panel');
  const problems = () => page.getByTestId('problems-panel');

  async function openGroup(label: string) {
    const header = panel().locator('.bio-properties-panel-group-header', { hasText: label });
    if (!(await header.evaluate((h) => h.classList.contains('open')))) await header.click();
  }

  it('edit, lint, fix, deploy version 2, see the versions and the diff', async () => {
    page = await signIn('tom.manager');
    await page.getByRole('link', { name: 'Referral & intake' }).click();
    await shape('checkSocialCare').waitFor();
    await problems().getByTestId('no-problems').waitFor();

    // Rename the task and pick its due date from the timescales, in the properties panel.
    await select('checkSocialCare');
    await openGroup('General');
    await panel().getByLabel('Name', { exact: true }).fill('Check children’s social care involvement');
    await openGroup('Youth Justice settings');
    await panel().getByLabel('Due date (timescale)').selectOption('=deadlines.defaultTaskDue');
    await expect(shape('checkSocialCare').textContent()).resolves.toContain('Check children’s social care involvement');

    // A service task without a task type is a Camunda 8.8 lint error: shown, and deploying is blocked.
    await select('calcIntake');
    await openGroup('Task definition');
    await panel().getByLabel('Job type').fill('');
    const lintError = problems().locator('li.problem-error', { hasText: 'calcIntake' }).first();
    await lintError.waitFor();
    await page.getByLabel('What changed and why').fill('Clearer name; due date from the default task timescale');
    expect(await page.getByRole('button', { name: 'Deploy new version' }).isDisabled()).toBe(true);
    await select('checkSocialCare');
    await lintError.getByRole('button').click();
    await page.getByTestId('modeller-canvas').locator('.djs-element.selected[data-element-id="calcIntake"]').waitFor();

    // Fix it; the problems clear and the deploy goes through as version 2.
    await openGroup('Task definition');
    await panel().getByLabel('Job type').fill('calculate-deadlines');
    await problems().getByTestId('no-problems').waitFor();
    await page.getByRole('button', { name: 'Deploy new version' }).click();
    await page.getByTestId('deploy-outcome').waitFor();
    expect(await page.getByTestId('deploy-outcome').textContent()).toBe('Deployed referral-intake as version 2.');

    const versions = page.getByTestId('versions-list').locator('tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('Clearer name; due date from the default task timescale');

    const stored = await system.modules.workflow.engine.getDeploymentResource('referral-intake', 2);
    expect(stored).toContain('name="Check children’s social care involvement"');
    expect(stored).toMatch(/id="checkSocialCare"[\s\S]*?dueDate="=deadlines\.defaultTaskDue"/);

    await page.getByRole('link', { name: 'Show differences' }).click();
    await page.getByTestId('diff-newer').locator('.djs-element.diff-changed[data-element-id="checkSocialCare"]').waitFor();
    const changed = await page.getByTestId('changed-checkSocialCare').textContent();
    expect(changed).toContain('Check social care involvement → Check children’s social care involvement');
    expect(changed).toContain('=deadlines.defaultTaskDue');
    expect(consoleErrors).toEqual([]);
  }, 180000);

  it('a case manager has no Processes entry and is refused the page', async () => {
    const cm = await signIn('cara.case');
    expect(await cm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Processes' }).count()).toBe(0);
    await cm.goto(`${system.url}/processes`);
    await cm.getByRole('heading', { name: 'Not available' }).waitFor();
  }, 60000);
});
