// Referral to allocation in Chromium against the whole product (issue 18): a case manager opens a referral;
// the intake's first task opens prefilled with what the referral recorded; completing it offers "Next: …
// for <child>" and that link opens the next task; the team manager, on a 390 px phone, allocates the case
// by picking a case manager's name (no free text) and the case's next case-manager task is that worker's.
// Each page fits 390 px without sideways scrolling where it is checked on a phone; axe finds nothing serious.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';
import { openReferral } from './referral-steps';

describe('referral, prefilled first task and allocation by name in the browser', () => {
  let browser: Browser;
  let system: E2eSystem;
  let kimId = '';
  let caseId = '';
  const enc = encodeURIComponent;
  const engine = () => system.modules.workflow.engine;
  const openTaskOf = async (elementId: string): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      for (const t of await engine().listUserTasks({ state: 'open' })) {
        if (t.elementId !== elementId) continue;
        if ((await engine().getInstance(t.instanceKey))?.variables.caseId === caseId) return t.key;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no open ${elementId} for ${caseId}`);
  };
  const fitsPhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    const kim = await system.modules.security.users.create({ username: 'kim.keen', displayName: 'Kim Keen', email: 'kim@example.org', roles: ['case-managers'], teams: ['north'] });
    kimId = kim.id;
  });

  it('the referral prefills the first task; completing it links to the next task of the case', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.url}/cases/new`);
    await page.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await expectNoSeriousAxeViolations(page, { label: 'new referral, desktop' });
    caseId = await openReferral(page, system.url, { givenName: 'Sam', familyName: 'Prefill', dateOfBirth: '2011-04-23', referredBy: 'Court' });

    const match = await openTaskOf('matchPerson');
    await page.goto(`${system.url}/tasks/${enc(match)}`);
    await page.getByRole('heading', { level: 1, name: 'Match or create person (duplicate check)' }).waitFor();
    expect(await page.getByTestId('task-caption').textContent()).toBe('Sam Prefill · Referral & intake');
    // Prefilled from the referral: the person is new, named as referred, and the court referred them.
    expect(await page.getByLabel('Given name').inputValue()).toBe('Sam');
    expect(await page.getByLabel('Family name').inputValue()).toBe('Prefill');
    expect(await page.getByLabel('Referred by').inputValue()).toBe('court');
    await expectNoSeriousAxeViolations(page, { label: 'prefilled task, desktop' });
    await page.getByRole('button', { name: 'Complete task' }).click();

    const next = page.getByRole('link', { name: 'Next: Check social care involvement for Sam Prefill' });
    await next.waitFor();
    await page.getByRole('region', { name: 'Answers' }).getByText('Court', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page, { label: 'completed task, desktop' });
    await next.click();
    await page.getByRole('heading', { level: 1, name: 'Check social care involvement' }).waitFor();
    await page.getByRole('button', { name: 'Complete task' }).click();
    // The allocation is the team manager's: Cara is offered the case instead.
    await page.getByRole('link', { name: 'Open Sam Prefill’s case' }).waitFor();

    // The same pages on a 390 px phone: the referral form, and the completed task with its answers in words.
    const phone = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 390, height: 844 } });
    await phone.goto(`${system.url}/cases/new`);
    await phone.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, { label: 'new referral, phone' });
    await phone.goto(`${system.url}/tasks/${enc(match)}`);
    await phone.getByRole('region', { name: 'Answers' }).getByText('Court', { exact: true }).waitFor();
    expect(await fitsPhone(phone)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(phone, { label: 'completed task, phone' });
  }, 150_000);

  it('on a phone, the team manager allocates by picking Kim Keen by name; the next case-manager task is hers', async () => {
    const page = await signInAs(browser, system.url, 'tom.manager', { viewport: { width: 390, height: 844 } });
    await page.goto(`${system.url}/tasks/${enc(await openTaskOf('allocate'))}`);
    await page.getByRole('heading', { level: 1, name: 'Allocate case manager' }).waitFor();
    const select = page.getByLabel(/^Case manager/);
    expect(await select.locator('option').allTextContents()).toEqual(expect.arrayContaining(['Cara Case', 'Kim Keen']));
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'allocation task, phone' });
    await select.selectOption({ label: 'Kim Keen' });
    await page.getByLabel('Other work: AssetPlus assessment and plan').check();
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByRole('heading', { name: 'Task completed' }).waitFor();
    const answers = page.getByRole('region', { name: 'Answers' });
    await answers.getByText('Kim Keen', { exact: true }).waitFor();
    expect(await answers.textContent()).not.toContain(kimId);
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'completed allocation, phone' });

    expect((await system.modules.tasks.cases.findById(caseId))?.caseManagerId).toBe(kimId);
    const notice = await openTaskOf('privacyNotice');
    expect((await system.modules.tasks.tasks.findById(notice))?.assignee).toBe(kimId);

    // The case page says who holds the case and lets the manager change it, by name.
    await page.goto(`${system.url}/cases/${enc(caseId)}`);
    await page.getByText('Change allocated worker').click();
    expect(await page.getByLabel('Allocated worker').locator('option:checked').textContent()).toBe('Kim Keen');
    expect(await fitsPhone(page)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'case page with allocation, phone' });
  }, 120_000);
});
