// The demo DPO runs a subject access request in Chromium at phone width (390 px): a request recorded with
// an empty form first (the error summary takes focus and links to the field), then properly; once the
// identity is checked the records are gathered (the page says when), a victim item withheld with a reason,
// "Gather again" asked for with its confirmation and reason (the decision stays), and — once the process's
// approval task is done — the ZIP downloaded and opened, with "Gather again" no longer offered.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { CaseRecord, SectionState } from '../../../server/src/domain/cases/case-record';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { until } from '../../support/demo-sessions';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';
import { readZip } from '../../integration/sar/support/read-zip';

const AT = '2026-11-01T09:00:00.000Z';
const section = (values: Record<string, unknown>, fields: Record<string, string>, collections?: SectionState['collections']): SectionState =>
  ({ values, revision: 0, updatedAt: AT, updatedBy: 'cara.case', sources: {}, labels: { fields }, ...(collections ? { collections } : {}) });

describe('DPO: subject access request in the browser', () => {
  let system: E2eSystem;
  let browser: Browser;
  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    const record: CaseRecord = {
      id: 'e2e-sar', team: 'north', status: 'open', createdAt: AT, createdBy: 'cara.case',
      identity: { nameKey: 'robin|quarry', dateOfBirth: '2010-03-04', displayName: 'Robin Quarry' },
      sections: {
        personal: section({ givenName: 'Robin', familyName: 'Quarry', dateOfBirth: '2010-03-04' }, { givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth' }),
        victims: section({}, {}, { victims: [{ id: 'v1', label: 'Victim 1', values: { victimName: 'Pat Other' }, sources: {} }] }),
      },
    };
    await system.modules.tasks.cases.create(record, []);
  });

  it('records a request, withholds a victim item with a reason, and downloads the approved response', async () => {
    const page = await signInAs(browser, system.url, 'dee.dpo', { viewport: { width: 390, height: 844 }, startPath: '/sar' });
    await page.getByRole('heading', { name: 'Subject access requests', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Record the request' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('There is a problem').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await summary.getByRole('link', { name: 'Enter the given name (up to 100 letters)' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sar-givenName');

    await page.getByLabel('Given name').fill('Robin');
    await page.getByLabel('Family name').fill('Quarry');
    await page.getByLabel('Name of the person asking').fill('Robin Quarry');
    await page.getByLabel('Date of birth').fill('2010-03-04');
    await page.getByRole('button', { name: 'Record the request' }).click();
    await page.getByRole('heading', { name: 'Subject access request: Robin Quarry' }).waitFor();
    await page.getByText(/^Not gathered yet/).waitFor();
    const key = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // Given the identity is checked (the process's first task), the process gathers the records once.
    const engine = system.modules.workflow.engine;
    const complete = async (elementId: string, variables: Record<string, unknown>) => {
      const task = await until(elementId, async () => (await engine.listUserTasks({ instanceKey: key, state: 'open' })).find((t) => t.elementId === elementId));
      await engine.completeUserTask(task.key, variables, { by: 'dee.dpo' });
    };
    await complete('verifyIdentity', { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport' });
    await until('gathered', async () => ((await engine.getInstance(key))?.activeElementIds.includes('gatherRecords') ? true : undefined));
    await page.reload();
    await page.getByText(/^Gathered \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/).waitFor();
    await page.getByRole('cell', { name: 'The child of the case' }).waitFor();

    const victim = page.getByRole('group', { name: 'Victims › Victim 1' });
    await victim.getByLabel('Withhold').check();
    await victim.getByLabel('Reason').fill('The victim has not agreed to disclosure');
    await page.getByRole('button', { name: 'Save decisions' }).click();
    await page.getByRole('status').getByText('1 decision saved').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Gather again: asked first, with a reason; the decision on the victim item stays.
    await page.getByRole('button', { name: 'Gather again' }).click();
    const confirm = page.getByRole('group', { name: 'Gather the records again?' });
    await confirm.getByLabel('Why are you gathering again?').fill('A new school report arrived');
    await expectNoSeriousAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await confirm.getByRole('button', { name: 'Yes, gather again' }).click();
    await page.getByRole('status').getByText('Gathered again: 0 new items to decide, 1 decision kept').waitFor();
    await page.getByText(/Gathered before on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}\./).waitFor();
    expect(await page.getByRole('group', { name: 'Victims › Victim 1' }).getByText(/The victim has not agreed to disclosure/).count()).toBe(1);

    // Given the process's own tasks are done (gathering, review, approval):
    await complete('gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await complete('reviewRedactions', { redactionsReviewed: true });
    await complete('approveDisclosure', { sarApproved: true });
    await until('send step', async () => ((await engine.getInstance(key))?.activeElementIds.includes('sendResponse') ? true : undefined));

    await page.reload();
    await page.getByText(/^Frozen: the disclosure was approved/).waitFor();
    expect(await page.getByRole('button', { name: 'Gather again' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the response/ }).click()]);
    const zip = readZip(readFileSync((await download.path())!));
    const json = JSON.parse(zip.get('subject-access-response.json')!.toString('utf8'));
    expect(json.items.find((i: { id: string }) => i.id === 'e2e-sar/victims/victims/v1')).toMatchObject({ decision: 'withhold', reason: 'The victim has not agreed to disclosure' });
    expect([...zip.keys()]).toContain('subject-access-response.pdf');
    await page.context().close();
  }, 120000);
});
