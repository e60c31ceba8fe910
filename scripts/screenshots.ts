// Regenerates the README screenshots from a running server with demo users and demo cases (a fresh DATA_DIR,
// SEED_DEMO_CASES=true):
//   npx tsx scripts/screenshots.ts http://localhost:3000
// It opens one referral through the UI so the queue and the case record have something to show.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = path.resolve(__dirname, '..', 'docs', 'screenshots');
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(out, `${name}.png`), fullPage });

async function signIn(browser: Browser, username: string, width = 1280): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await page.goto(`${base}/tasks`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}

async function main() {
  const browser = await launchBrowser();
  const cm = await signIn(browser, 'cara.case');
  await cm.goto(`${base}/cases/new`);
  await cm.getByLabel('Given name').fill('Dara');
  await cm.getByLabel('Family name').fill('Quinn');
  await cm.getByLabel('Date of birth').fill('2010-04-05');
  await shot(cm, 'new-referral');
  await cm.getByRole('button', { name: 'Open referral' }).click();
  await cm.getByRole('heading', { name: 'Dara Quinn' }).waitFor();
  await cm.waitForTimeout(500);
  await shot(cm, 'case-record');
  await cm.getByRole('tab', { name: 'Chronology' }).click();
  await cm.waitForTimeout(1000);
  await shot(cm, 'case-chronology');
  await cm.goto(`${base}/tasks?queue=team`);
  await cm.getByRole('link', { name: /Match or create person/ }).first().waitFor();
  await shot(cm, 'task-queue');
  await cm.getByRole('link', { name: /Match or create person/ }).first().click();
  await cm.getByRole('button', { name: 'Complete task' }).waitFor();
  await cm.waitForTimeout(300);
  await shot(cm, 'task-form');
  await cm.goto(`${base}/`);
  await cm.getByRole('heading', { level: 1 }).waitFor();
  await cm.waitForTimeout(800);
  await shot(cm, 'dashboard');
  await cm.goto(`${base}/cases`);
  await cm.getByRole('heading', { name: 'Cases' }).waitFor();
  await cm.waitForTimeout(800);
  await shot(cm, 'cases');

  const tm = await signIn(browser, 'tom.manager');
  await tm.goto(`${base}/timescales`);
  await tm.getByRole('table').first().waitFor();
  await shot(tm, 'timescales');
  await tm.goto(`${base}/forms`);
  await tm.waitForTimeout(500);
  await shot(tm, 'forms');

  // Manager workspace: the process list, the modeller with a lint problem showing, and the monitor.
  await tm.goto(`${base}/processes`);
  await tm.getByRole('link', { name: 'Referral & intake' }).waitFor();
  await shot(tm, 'processes');
  await tm.getByRole('link', { name: 'Referral & intake' }).click();
  const canvas = tm.getByTestId('modeller-canvas');
  const panel = tm.getByTestId('properties-panel');
  const header = panel.locator('.bio-properties-panel-group-header', { hasText: 'Task definition' });
  // The diagram may still be importing when the page shows: select the task until its panel opens.
  for (let i = 0; i < 10 && !(await header.count()); i++) {
    await canvas.locator('.djs-element[data-element-id="calcIntake"] .djs-hit').first().dispatchEvent('click');
    await tm.waitForTimeout(1000);
  }
  if (!(await header.evaluate((h) => h.classList.contains('open')))) await header.click();
  await panel.getByLabel('Job type').fill('');
  await tm.getByTestId('problems-panel').locator('li.problem-error').first().waitFor();
  await shot(tm, 'modeller');
  await tm.goto(`${base}/monitor`);
  await tm.getByLabel('Process').selectOption('referral-intake');
  await tm.waitForTimeout(1500);
  await shot(tm, 'monitor');
  await tm.getByRole('table', { name: 'Instances' }).getByRole('link').first().click();
  await tm.getByRole('heading', { name: /^Instance / }).waitFor();
  await tm.waitForTimeout(1500);
  await shot(tm, 'monitor-instance');

  await tm.goto(`${base}/reports`);
  await tm.getByRole('heading', { level: 1 }).waitFor();
  await tm.waitForTimeout(2000);
  await shot(tm, 'reports', true);
  // The KPIs as the data officer reads them (the whole service): the demo cases' answers were not given on
  // tasks, so they belong to no team and a team manager's view leaves them out.
  const data = await signIn(browser, 'dan.data');
  await data.goto(`${base}/reports/kpis`);
  await data.getByRole('heading', { name: 'Key performance indicators', level: 1 }).waitFor();
  await data.waitForTimeout(2000);
  // The whole page is several screens long: show the headline chart and its table.
  await data.getByRole('heading', { level: 2 }).first().evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 20));
  await data.waitForTimeout(300);
  await shot(data, 'kpis');

  await data.goto(`${base}/retention`);
  await data.getByRole('heading', { level: 1 }).waitFor();
  await data.waitForTimeout(1500);
  await shot(data, 'retention');
  await data.goto(`${base}/returns`);
  await data.getByRole('heading', { name: 'Case-level returns', level: 1 }).waitFor();
  // The page opens on the quarter last due, where the demo cases' outcomes are (application/users/demo-children.ts).
  await data.locator('#return-quarter').waitFor({ timeout: 60_000 });
  await data.getByRole('button', { name: 'Generate the return' }).click();
  await data.getByRole('status').getByText(/generated/).waitFor();
  await data.waitForTimeout(800);
  await shot(data, 'returns', true);
  const dpo = await signIn(browser, 'dee.dpo');
  await dpo.goto(`${base}/sar`);
  await dpo.getByRole('heading', { level: 1 }).waitFor();
  await dpo.waitForTimeout(1000);
  await shot(dpo, 'subject-access');

  const admin = await signIn(browser, 'ada.admin');
  await admin.goto(`${base}/admin/permissions`);
  await admin.getByRole('heading', { name: 'Permissions', level: 1 }).waitFor();
  await admin.getByRole('table').first().waitFor();
  await admin.waitForTimeout(800);
  await shot(admin, 'permissions');

  const phone = await signIn(browser, 'cara.case', 390);
  await phone.goto(`${base}/tasks`);
  await phone.waitForTimeout(500);
  await shot(phone, 'task-queue-phone');
  await phone.goto(`${base}/`);
  await phone.getByRole('heading', { level: 1 }).waitFor();
  await phone.waitForTimeout(800);
  await shot(phone, 'shell-phone');
  // The case page on a phone: its sections as govuk-frontend's contents list, not rows of wrapped tabs.
  await phone.goto(`${base}/cases`);
  await phone.getByRole('link', { name: /Dara Quinn/ }).first().click();
  await phone.getByRole('heading', { name: 'Dara Quinn' }).waitFor();
  await phone.waitForTimeout(800);
  await shot(phone, 'case-record-phone', true);
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
