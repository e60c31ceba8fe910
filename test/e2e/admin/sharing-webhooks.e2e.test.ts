// The data sharing agreements page (the DPO's) and the event subscriptions page (the admins') in Chromium
// against the whole product (issue 22): an empty agreement form lists its problems in an error summary; an
// agreement is made and listed in words (sections, lawful basis, dates); the admin subscribes a system under
// it and sees the secret once; a dead letter is listed with the reason and can be sent again. Axe finds
// nothing serious on either page, on a desktop and on a 390 px phone.
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe('sharing agreements and event subscriptions in the browser', () => {
  let browser: Browser;
  let system: E2eSystem;
  e2eLifecycle((s, b) => { system = s; browser = b; });

  async function expectCleanPage(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  const today = new Date().toISOString().slice(0, 10);
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

  it('lets the DPO make an agreement and an admin subscribe a system under it, and send a dead letter again', async () => {
    const dpo = await signInAs(browser, system.url, 'dee.dpo', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    dpo.setDefaultTimeout(10_000);
    await dpo.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing agreements' }).click();
    await dpo.getByRole('heading', { name: 'Data sharing agreements', level: 1 }).waitFor();
    await dpo.getByText('No agreements yet.').waitFor();
    await dpo.getByRole('button', { name: 'New agreement' }).click();
    await dpo.getByRole('button', { name: 'Make the agreement' }).click();
    const summary = dpo.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter the partner’s name' }).waitFor();
    expect(await summary.getByRole('link').count()).toBe(7);
    await expectCleanPage(dpo);

    await dpo.getByLabel('Partner').fill('Northshire Children’s Social Care');
    await dpo.getByLabel('Kind of recipient').selectOption({ label: 'Children’s social care' });
    await dpo.getByLabel('Purpose').fill('Safeguarding and joint working');
    await dpo.getByRole('checkbox', { name: 'Personal' }).check();
    await dpo.getByRole('checkbox', { name: 'Offending' }).check();
    await dpo.getByLabel('Lawful basis').selectOption({ label: 'Public task (UK GDPR Art 6(1)(e))' });
    await dpo.getByLabel('First day').fill(today);
    await dpo.getByLabel('Last day').fill(nextYear);
    await dpo.getByRole('button', { name: 'Make the agreement' }).click();
    await dpo.getByRole('status').getByText('The agreement with Northshire Children’s Social Care was made.').waitFor();
    const row = dpo.getByRole('row').filter({ hasText: 'Northshire Children’s Social Care' });
    expect(await row.textContent()).toContain('Personal, Offending');
    expect(await row.textContent()).toContain('In force');
    await expectCleanPage(dpo);

    // A dead letter to show: a delivery that failed for good, as the worker leaves one.
    const admin = await signInAs(browser, system.url, 'ada.admin', { viewport: { width: 1280, height: 900 }, startPath: '/' });
    admin.setDefaultTimeout(10_000);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Event subscriptions' }).click();
    await admin.getByRole('heading', { name: 'Event subscriptions', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'New subscription' }).click();
    await admin.getByLabel('Name of the receiving system').fill('Mosaic');
    await admin.getByLabel('Address events are sent to').fill('http://127.0.0.1:9/events');
    await admin.getByRole('checkbox', { name: 'A case was opened (case manager allocated)' }).check();
    await admin.getByLabel('Data sharing agreement', { exact: true }).selectOption({ label: 'Northshire Children’s Social Care: Safeguarding and joint working' });
    await admin.getByRole('button', { name: 'Subscribe' }).click();
    await admin.getByRole('heading', { name: 'Secret for Mosaic' }).waitFor();
    const secret = await admin.getByRole('textbox', { name: 'Secret', exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    const subscriptionId = (await system.conn.collection('webhook_subscriptions').findOne({}))!._id as unknown as string;
    const agreementId = (await system.conn.collection('sharing_agreements').findOne({}))!._id as unknown as string;
    const at = new Date();
    await system.conn.collection('webhook_deliveries').insertOne({
      _id: `case.opened:e2e:${subscriptionId}`, subscriptionId, agreementId, eventId: 'case.opened:e2e', eventType: 'case.opened', caseId: 'YJ-E2E',
      sections: ['personal'], body: '{}', state: 'dead', attempts: 6, maxAttempts: 6, nextAttemptAt: at, lastError: 'Could not connect (ECONNREFUSED)', createdAt: at, updatedAt: at,
    } as never);
    await admin.reload();
    await admin.getByRole('heading', { name: 'Event subscriptions', level: 1 }).waitFor();
    const dead = admin.getByRole('row').filter({ hasText: 'Failed for good' });
    expect(await dead.textContent()).toContain('Could not connect (ECONNREFUSED)');
    expect(await admin.content()).not.toContain(secret);
    await expectCleanPage(admin);
    await dead.getByRole('button', { name: 'Send again the A case was opened (case manager allocated) event' }).click();
    await admin.getByRole('status').getByText('The delivery will be sent again.').waitFor();
    expect((await system.conn.collection('webhook_deliveries').findOne({}))!.state).toBe('pending');
  });
});
