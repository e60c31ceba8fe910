// Schools' data in Chromium against the whole product: a case manager reaches it from the main navigation,
// a file with a bad date is refused with the GOV.UK error summary naming the row and column (linked to the
// file field), a good file lists each row as matched or not; the review list shows the proposal beside what the
// record holds and accepting it removes it from the list. Axe finds nothing serious; nothing is wider than 390 px.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { identityKeys } from '../../../server/src/domain/cases/person-identity';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

const dir = mkdtempSync(path.join(tmpdir(), 'school-csv-'));
const file = (name: string, text: string) => { const p = path.join(dir, name); writeFileSync(p, text); return p; };
const BAD = file('bad.csv', 'Forename,Surname,Date of birth,Attendance %\nSky,Pupil,30/02/2011,90\n');
const GOOD = file('good.csv', 'Forename,Surname,Date of birth,Attendance %\nSky,Pupil,03/02/2011,91.5\nNo,One,01/01/2012,50\n');

describe("schools' data in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    await s.modules.tasks.cases.create({
      id: 'YJ-E2ESCH01', team: 'north', status: 'open', createdAt: '2026-09-01T09:00:00.000Z', createdBy: 'cara.case',
      identity: { ...identityKeys({ givenName: 'Sky', familyName: 'Pupil', dateOfBirth: '2011-02-03' }), displayName: 'Sky Pupil' },
      sections: { personal: { values: { givenName: 'Sky', familyName: 'Pupil', dateOfBirth: '2011-02-03' }, revision: 0, updatedAt: '2026-09-01T09:00:00.000Z', updatedBy: 'cara.case', sources: {} } },
    }, []);
  });

  const expectCleanPage = async (page: Page, width: number) => {
    await expectNoSeriousAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  };

  it('refuses a bad file with an error summary, imports a good one, and a proposal is accepted; clean at 390 px', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'School data' }).click();
    await page.getByRole('heading', { name: "Import a school's data", level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import file' }).click();
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter the name of the school the file comes from', 'Select a CSV file']);

    await page.getByRole('textbox', { name: 'School' }).fill('Hillside School');
    await page.getByLabel('Upload a file').setInputFiles(BAD);
    await page.getByRole('button', { name: 'Import file' }).click();
    await summary.getByRole('link', { name: 'Row 2: the date of birth must be a real date written as 31/01/2012 or 2012-01-31' }).waitFor();
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#school-file');
    await expectCleanPage(page, 1280);

    await page.getByLabel('Upload a file').setInputFiles(GOOD);
    await page.getByRole('button', { name: 'Import file' }).click();
    await page.getByRole('status').getByText('2 rows from Hillside School: 1 change proposed for review, 1 not matched').waitFor();
    const rows = page.getByRole('region', { name: 'Rows of the file' }).locator('tbody tr');
    expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^2Sky PupilMatched 1 change proposed$/), expect.stringMatching(/^3No OneNot matched No child/)]);
    await expectCleanPage(page, 1280);

    await page.getByRole('link', { name: 'Review proposals', exact: true }).click();
    await page.getByRole('heading', { name: 'School data proposals', level: 1 }).waitFor();
    const proposal = page.getByRole('table', { name: 'Proposals' }).locator('tbody tr');
    await proposal.first().waitFor(); // the list loads after the heading
    expect(await proposal.allTextContents()).toEqual([expect.stringMatching(/Sky Pupil.*Attendance91\.5%Nothing recordedHillside School, row 2/)]);
    await expectCleanPage(page, 1280);
    await page.getByRole('button', { name: 'Accept attendance for Sky Pupil' }).click();
    await page.getByRole('status').getByText('Accepted: attendance 91.5% for Sky Pupil.').waitFor();
    await page.getByText("There are no proposals here for your teams' children.").waitFor();
    expect((await system.modules.tasks.cases.findById('YJ-E2ESCH01'))!.sections.education!.values.attendancePercent).toBe(91.5);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    await expectCleanPage(page, 390);
  });
});
