// The administrator's teams page in Chromium against the whole product (issue 23): reached from the main
// navigation; the demo teams read in words with managers, head of service and members; a team added by
// keyboard alone; the users page puts someone in it by its name; an empty move lists its problems in an
// error summary; a merge reports what moved, in sentences. Axe
// finds nothing serious on a desktop and on a 390 px phone, and nothing is wider than the phone. The users page
// lists the team Cara was given for every administrator to see, also clean on the phone.
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle } from '../../support/e2e-lifecycle';

describe("the administrator's teams page in the browser", () => {
  let browser: Browser;
  let url = '';
  e2eLifecycle((s, b) => { url = s.url; browser = b; });

  async function expectCleanPage(page: Page, width: number) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  it('shows the teams in words, adds one by keyboard, refuses an empty merge and merges two teams', async () => {
    const page = await signInAs(browser, url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    const north = page.locator('.govuk-summary-card').filter({ hasText: 'North team' }).first();
    await north.getByRole('definition').filter({ hasText: /^Tom Manager$/ }).waitFor();
    expect(await north.textContent()).toContain('Hana Head');
    await expectCleanPage(page, 1280);

    // By keyboard: focus the name field, type, tab to the key, type, Enter submits.
    await page.getByLabel('Team name').focus();
    await page.keyboard.type('East team');
    await page.keyboard.press('Tab');
    await page.keyboard.type('east');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('East team was added.').waitFor();
    await page.locator('.govuk-summary-card').filter({ hasText: 'East team' }).first().waitFor();

    // The users page takes teams from the directory, by name: Cara joins East, and the teams page shows her there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    const cara = page.getByRole('row').filter({ hasText: 'cara.case' });
    await cara.getByRole('button', { name: 'Edit' }).click();
    expect(await page.getByRole('checkbox', { name: 'North team' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'East team' }).check();
    await expectCleanPage(page, 1280);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved cara.case').waitFor();
    expect(await cara.getByRole('cell').nth(3).textContent()).toBe('North team, East team');
    // East's cases are open to Cara now: every administrator sees who gave it, by whom.
    const given = page.getByTestId('access-given').getByRole('row').filter({ hasText: 'Cara Case' });
    expect(await given.getByRole('cell').allTextContents()).toEqual(['Cara Case', 'Added roles or teams', 'the cases of East team', 'Ada Admin', expect.any(String)]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.locator('.govuk-summary-card').filter({ hasText: 'East team' }).first().getByRole('definition').filter({ hasText: /^Cara Case$/ }).waitFor();

    await page.getByRole('button', { name: 'Merge the teams' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /Choose the teams to move from/ }).waitFor();
    await summary.getByRole('link', { name: /Say why/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('move-reason');
    await expectCleanPage(page, 1280);

    await page.getByRole('checkbox', { name: 'South team' }).check();
    await page.getByLabel('Into').selectOption({ label: 'North team' });
    await page.getByLabel('Why').fill('One team for the borough');
    await page.getByRole('button', { name: 'Merge the teams' }).click();
    await page.getByRole('status').getByText('Teams merged: 0 cases, 0 open tasks and 4 people moved to North team.').waitFor();
    const report = page.locator('.govuk-summary-card').filter({ hasText: 'South team merged into North team' });
    expect(await report.textContent()).toContain('0 cases, 0 open tasks, 4 people, 1 manager added');
    expect(await report.getByTestId('move-report').getByRole('listitem').allTextContents()).toEqual([
      '0 cases moved from South team to North team.', '0 open tasks went with them to North team’s queues.',
      '4 people left South team and joined North team: Dan Data, Hana Head, Sam Manager and Sol Case.',
      'Sam Manager now also manages North team.', 'South team is a former team: figures filed under it show under North team.',
    ]);
    await page.getByText('Former teams').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    await expectCleanPage(page, 390);
    await page.goto(`${url}/admin/users`);
    await page.getByTestId('access-given').getByRole('row').filter({ hasText: 'Cara Case' }).waitFor();
    await expectCleanPage(page, 390);
  });
});
