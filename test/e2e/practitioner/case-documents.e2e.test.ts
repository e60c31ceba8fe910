// Documents on the case page in Chromium against the whole product: a case manager opens the Documents
// tab, is told what is missing (error summary linking to the fields), uploads a letter over a slow
// connection (the form shows it uploading, with how far it got), sees it listed with her name and the
// date, and downloads the same bytes; a file whose bytes are not what its name says is refused by the
// server with the GOV.UK message. On a 390 px phone the tab fits without sideways scrolling, and axe
// finds nothing serious. A task form's file question (form-js filepicker) uploads to the same store, filed on
// the field's section.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { demoSessions, until } from '../../support/demo-sessions';
import { oneTaskProcess } from '../../support/file-task-process';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe('documents on a case in the browser', () => {
  let browser: Browser;
  let system: E2eSystem;
  let caseId: string;
  const letter = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300 * 1024)]);
  const { call, signIn } = demoSessions(() => system.url);

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    for (const u of ['cara.case', 'tom.manager']) await signIn(u);
    const res = await call('cara.case', 'POST', '/cases', { givenName: 'Dot', familyName: 'Papers', dateOfBirth: '2011-03-14', team: 'north', confirmedNotDuplicate: true });
    if (res.status !== 201) throw new Error(`case: ${res.status} ${JSON.stringify(res.body)}`);
    caseId = (res.body as { id: string }).id;
  });

  it('uploads a letter on desktop after the error summary, lists it by name and date, downloads the same bytes', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=documents`);
    const panel = page.getByRole('region', { name: 'Documents' });
    await panel.getByText('No documents have been added to this case.').waitFor();

    await panel.getByRole('button', { name: 'Upload file' }).click();
    const summary = panel.getByRole('alert');
    await summary.getByText('There is a problem').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Select the section of the record the document belongs to', 'Select a file', 'Select the type of document']);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Select a file' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');

    await panel.getByLabel('Section of the record').selectOption({ label: 'Education' });
    await panel.getByLabel('Upload a file').setInputFiles({ name: 'school letter.pdf', mimeType: 'application/pdf', buffer: letter });
    await panel.getByLabel('Type of document').selectOption({ label: 'Letter or email' });
    await panel.getByLabel('Description (optional)').fill('Exclusion meeting invitation');
    // A slow connection (Chromium's network emulation): the form says it is uploading and how far it got.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await panel.getByRole('button', { name: 'Upload file' }).click();
    await panel.getByRole('status').filter({ hasText: /Uploading… \d+%/ }).waitFor();
    expect(await panel.getByRole('button', { name: 'Uploading…' }).isDisabled()).toBe(true);
    await panel.getByText('school letter.pdf has been uploaded.').waitFor({ timeout: 20_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await panel.getByRole('heading', { name: 'Education' }).waitFor();
    const item = panel.getByRole('listitem').filter({ hasText: 'school letter.pdf' });
    expect(await item.textContent()).toMatch(/Letter or email · PDF, 300 KB · added by Cara Case on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}/);
    expect(await item.textContent()).toContain('Exclusion meeting invitation');

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link').click()]);
    expect(download.suggestedFilename()).toBe('school letter.pdf');
    expect(fs.readFileSync(await download.path()).equals(letter)).toBe(true);

    // The name says PDF, the bytes are a PNG: the server refuses and the summary says so.
    await panel.getByLabel('Section of the record').selectOption({ label: 'Education' });
    await panel.getByLabel('Upload a file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await panel.getByLabel('Type of document').selectOption({ label: 'Other' });
    await panel.getByRole('button', { name: 'Upload file' }).click();
    await panel.getByRole('alert').getByRole('link', { name: 'The selected file must be a PDF, JPG, PNG, DOCX, ODT or TXT' }).waitFor();
    expect(await panel.getByRole('listitem').filter({ hasText: 'added by' }).count()).toBe(1); // nothing stored
    await expectNoSeriousAxeViolations(page, { label: 'documents tab, desktop' });
  }, 90_000);

  it("a task form's file question on a 390 px phone: error summary, upload with the keyboard-reachable input, listed, completed", async () => {
    // A manager deploys a form with a filepicker and a process whose task uses it (as Camunda Modeler would write them).
    const form = { id: 'e2e-file-plan', type: 'default', schemaVersion: 18, components: [
      { id: 'F1', type: 'filepicker', key: 'signedPlan', label: 'Signed plan', accept: '.pdf,.txt', validate: { required: true }, properties: { section: 'plans' } },
    ] };
    expect((await call('tom.manager', 'POST', '/forms', { schema: form, comment: 'e2e' })).status).toBe(201);
    expect((await call('tom.manager', 'POST', '/processes', { xml: oneTaskProcess('e2e-file-plan', 'File the signed plan', form.id), comment: 'e2e' })).status).toBe(201);
    const started = await system.modules.workflow.engine.startInstance('e2e-file-plan', { caseId });
    const taskId = await until('the task', async () => (await system.conn.db!.collection('tasks').findOne({ instanceKey: started.instanceKey }))?._id as string | undefined);

    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 390, height: 844 } });
    await page.goto(`${system.url}/tasks/${encodeURIComponent(taskId)}`);
    await page.getByRole('button', { name: 'Complete task' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: 'Select a file for Signed plan' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('file');

    await page.getByLabel('Signed plan').setInputFiles({ name: 'signed plan.txt', mimeType: 'text/plain', buffer: Buffer.from('Signed by Dot and her mum\n') });
    const chosen = page.getByRole('list', { name: 'Files for Signed plan' });
    await chosen.getByRole('button', { name: 'Remove signed plan.txt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'task form with a file question, phone' });
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByRole('heading', { name: 'Task completed' }).waitFor();
    // Filed on the field's section: on the case's Documents tab under Plans and reviews.
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=documents`);
    const panel = page.getByRole('region', { name: 'Documents' });
    await panel.getByRole('heading', { name: 'Plans and reviews' }).waitFor();
    await panel.getByRole('link', { name: /^signed plan\.txt/ }).waitFor();
  }, 90_000);

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 390, height: 844 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=documents`);
    const panel = page.getByRole('region', { name: 'Documents' });
    await panel.getByRole('link', { name: /^school letter\.pdf/ }).waitFor();
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'documents tab, phone' });
  }, 60_000);
});
