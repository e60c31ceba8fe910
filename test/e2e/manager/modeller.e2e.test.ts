// The manager's modeller in Chromium against the whole product: a team manager opens the referral
// process, renames a user task and picks its due-date timescale in the properties panel, breaks a
// service task (no task type) and sees the lint error in the problems panel, clicks it to select the
// task, fixes it, deploys version 2 with a comment, and sees two versions and the diff marking the task.
// Around the deploy, a case manager opens one referral before it and one after: the first keeps running
// on version 1, the second starts on version 2, and the monitor counts each where it waits. A DMN file
// chosen to deploy with the process is checked with it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';
import { openReferral, referralInstancesOf } from './referral-steps';

describe('manager modeller', () => {
  let browser: Browser;
  let system: E2eSystem;
  let page: Page;
  let caseManager: Page;
  let beforeDeploy: { caseId: string; instanceKey: string };
  const consoleErrors: string[] = [];

  e2eLifecycle((s, b) => {
    system = s;
    browser = b;
  });

  const signIn = (username: string): Promise<Page> => signInAs(browser, system.url, username, {
    viewport: { width: 1500, height: 1000 }, startPath: '/processes', onPage: (p) => p.on('pageerror', (e) => consoleErrors.push(String(e))),
  });

  const shape = (id: string) => page.getByTestId('modeller-canvas').locator(`.djs-element[data-element-id="${id}"]`);
  // The palette may cover a shape after "fit to viewport": click its hit area the way diagram-js listens.
  const select = (id: string) => shape(id).locator('.djs-hit').first().dispatchEvent('click');
  const panel = () => page.getByTestId('properties-panel');
  const problems = () => page.getByTestId('problems-panel');

  async function openGroup(label: string) {
    const header = panel().locator('.bio-properties-panel-group-header', { hasText: label });
    if (!(await header.evaluate((h) => h.classList.contains('open')))) await header.click();
  }

  it('a referral opened before any change runs on version 1', async () => {
    caseManager = await signIn('cara.case');
    const caseId = await openReferral(caseManager, system.url, { givenName: 'Ines', familyName: 'Okafor', dateOfBirth: '2011-02-14' });
    await system.modules.workflow.engine.runDue(); // the intake deadlines job, as the job worker would run it
    const [instance, ...others] = (await system.modules.workflow.engine.listInstances({ processId: 'referral-intake' })).items.filter((i) => i.caseId === caseId);
    expect(others).toEqual([]);
    expect(instance).toMatchObject({ version: 1, state: 'active' });
    beforeDeploy = { caseId, instanceKey: instance.key };
  }, 60000);

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
    // The form and candidate group pickers are fed by the deployed forms and the roles.
    const formPicker = panel().getByLabel('Form (deployed forms)');
    expect(await formPicker.inputValue()).toBe('referral-social-care-check');
    expect(await formPicker.locator('option').count()).toBeGreaterThanOrEqual(33); // (none) + 32 shipped forms
    await panel().getByLabel('Candidate group (role)').selectOption('team-managers');
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
    expect(stored).toMatch(/id="checkSocialCare"[^]*?candidateGroups="team-managers"[^]*?<\/bpmn:userTask>/);
    expect(stored).toMatch(/id="checkSocialCare"[\s\S]*?dueDate="=deadlines\.defaultTaskDue"/);

    await page.getByRole('link', { name: 'Show differences' }).click();
    await page.getByTestId('diff-newer').locator('.djs-element.diff-changed[data-element-id="checkSocialCare"]').waitFor();
    const changed = await page.getByTestId('changed-checkSocialCare').textContent();
    expect(changed).toContain('Check social care involvement → Check children’s social care involvement');
    expect(changed).toContain('=deadlines.defaultTaskDue');
    expect(consoleErrors).toEqual([]);
  }, 180000);

  it('a referral opened after the deploy runs on version 2, the earlier one stays on 1, the monitor counts both', async () => {
    const engine = system.modules.workflow.engine;
    const caseId = await openReferral(caseManager, system.url, { givenName: 'Tomasz', familyName: 'Reyes', dateOfBirth: '2010-09-30' });
    await engine.runDue();

    // The manager's monitor API: one instance per case, each on its version, and where each waits.
    const [older] = await referralInstancesOf(page, beforeDeploy.caseId);
    const newer = await referralInstancesOf(page, caseId);
    expect(newer).toHaveLength(1);
    expect(older).toMatchObject({ key: beforeDeploy.instanceKey, version: 1, state: 'active' });
    expect(newer[0]).toMatchObject({ version: 2, state: 'active' });
    expect(older.activeElementIds).toHaveLength(1);
    expect(newer[0].activeElementIds).toHaveLength(1);
    const [olderAt] = older.activeElementIds;
    const [newerAt] = newer[0].activeElementIds;
    // The engine agrees: the older instance was not moved by the deploy.
    expect(await engine.getInstance(beforeDeploy.instanceKey)).toMatchObject({ version: 1, activeElementIds: [olderAt] });
    expect(await engine.getInstance(newer[0].key)).toMatchObject({ version: 2, activeElementIds: [newerAt] });
    const [newerTask] = await engine.listUserTasks({ instanceKey: newer[0].key, state: 'open' });
    expect(newerTask.elementId).toBe(newerAt); // it waits at a user task in the team queue

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }).click();
    await page.getByLabel('Process').selectOption('referral-intake');
    await page.getByLabel('Version').selectOption('2');
    // Each version's own diagram (told apart by the renamed task), with that version's counts on it.
    const monitorTask = (name: string) => page.getByTestId('monitor-diagram').locator('.djs-element[data-element-id="checkSocialCare"]', { hasText: name });
    await monitorTask('Check children’s social care involvement').waitFor();
    await page.getByTestId(`count-${newerAt}`).waitFor();
    expect(await page.getByTestId(`count-${newerAt}`).textContent()).toBe('1');
    expect(await page.getByTestId('monitor-totals').textContent()).toMatch(/Running: 1.*With an incident: 0/);
    await page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ hasText: newer[0].key }).waitFor();

    await page.getByLabel('Version').selectOption('1');
    await monitorTask('Check social care involvement').waitFor();
    await page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ hasText: beforeDeploy.instanceKey }).waitFor();
    await page.getByTestId(`count-${olderAt}`).waitFor();
    expect(await page.getByTestId(`count-${olderAt}`).textContent()).toBe('1');
    expect(await page.getByTestId('monitor-totals').textContent()).toMatch(/Running: 1.*With an incident: 0/);
    expect(await page.getByRole('table', { name: 'Instances' }).getByRole('row').filter({ hasText: newer[0].key }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 120000);

  it('a case manager has no Processes entry and is refused the page', async () => {
    const cm = await signIn('cara.case');
    expect(await cm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Processes' }).count()).toBe(0);
    await cm.goto(`${system.url}/processes`);
    await cm.getByRole('heading', { name: 'Not available' }).waitFor();
  }, 60000);

  it('a DMN file chosen to deploy with the process is checked with it: its problem names the file, and deploying waits for a fix', async () => {
    await page.goto(`${system.url}/processes`);
    await page.getByRole('link', { name: 'Referral & intake' }).click();
    await shape('checkSocialCare').waitFor();
    await problems().getByTestId('no-problems').waitFor();
    const dmn = fs.readFileSync(path.join(__dirname, '../../features/engine/fixtures/supervision-level.dmn'), 'utf8');
    const broken = Buffer.from(dmn.replace('<text>&lt; 14</text>', '<text>&lt; </text>'));
    await page.getByLabel('Decision tables to deploy with it (optional)').setInputFiles({ name: 'levels.dmn', mimeType: 'application/xml', buffer: broken });
    const dmnProblem = problems().locator('li.problem-error', { hasText: 'In Definitions_supervision.dmn' });
    await dmnProblem.waitFor();
    expect(await dmnProblem.textContent()).toContain("invalid FEEL in input entry 2 of rule 'DecisionRule_young'");
    await page.getByLabel('What changed and why').fill('Supervision levels by risk');
    expect(await page.getByRole('button', { name: 'Deploy new version' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Remove levels.dmn' }).click();
    await problems().getByTestId('no-problems').waitFor();
    expect(await page.getByRole('list', { name: 'Decision tables to deploy' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  }, 60000);
});
