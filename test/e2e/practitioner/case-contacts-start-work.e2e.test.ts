// The contacts log and "start work" on the case page in Chromium against the whole product: a case manager
// records a missed appointment as an unacceptable absence (the compliance and breach follow-up starts for
// the case and its task joins the team queue), sees it in the log in words, then starts victim contact from
// the case with its start form (an empty required date is named in the error summary first) and is told
// where its first task waits. On a 390 px phone both tabs fit without sideways scrolling; axe finds nothing serious.
import type { Browser } from 'playwright-core';
import { expectNoSeriousAxeViolations } from '../../support/axe';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe('contacts log and start work on a case in the browser', () => {
  let browser: Browser;
  let system: E2eSystem;
  let caseId: string;
  let headers: Record<string, string>;
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${system.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
  };

  const signInHeaders = async (username: string) => {
    const signIn = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-password-2026' }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
  };

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    headers = await signInHeaders('cara.case');
    const created = await api('POST', '/cases', { givenName: 'Mo', familyName: 'Appleby', dateOfBirth: '2010-06-01', team: 'north', confirmedNotDuplicate: true });
    if (created.status !== 201) throw new Error(`case: ${created.status} ${JSON.stringify(created.body)}`);
    caseId = created.body.id;
    const order = await api('POST', `/cases/${encodeURIComponent(caseId)}/sections/offending/collections/orders`, {
      changes: { type: 'yro', start: '2025-01-06', end: '2030-01-05' }, reason: 'Order made at youth court',
    });
    if (order.status !== 201) throw new Error(`order: ${order.status} ${JSON.stringify(order.body)}`);
  });

  it('records a missed appointment: the log shows it in words and the compliance follow-up starts for the case', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=contacts`);
    const panel = page.getByRole('region', { name: 'Contacts and appointments' });
    await panel.getByText('No contacts have been recorded on this case.').waitFor();
    await panel.getByRole('button', { name: 'Record a contact' }).click();
    await panel.getByLabel(/^Date/).fill('2026-11-23');
    await panel.getByLabel(/^Time/).fill('10:00');
    await panel.getByLabel(/^Type of contact/).selectOption({ label: 'Office appointment' });
    await panel.getByLabel(/^With whom/).fill('Mo and his father');
    await panel.getByLabel('Did not attend').check();
    await panel.getByLabel('Unacceptable absence').check();
    await panel.getByLabel(/^Reason given/).fill('No reason given on the phone');
    await panel.getByRole('button', { name: 'Save contact' }).click();
    await panel.getByRole('status').getByText(/Contact saved\. The compliance and breach follow-up has started/).waitFor();

    const item = panel.getByRole('listitem').filter({ hasText: 'Office appointment' });
    await item.getByRole('heading', { name: 'Office appointment, 23 November 2026, 10:00' }).waitFor();
    expect(await item.textContent()).toContain('Did not attend: unacceptable absence');
    expect(await item.textContent()).toMatch(/Recorded by\s*Cara Case on \d{1,2} [A-Z][a-z]+ \d{4}/);
    await expectNoSeriousAxeViolations(page, { label: 'contacts tab, desktop' });

    const queue = await api('GET', '/tasks?queue=team&limit=100');
    const followUps = (queue.body.items as Array<{ caseId?: string; elementId: string }>).filter((t) => t.caseId === caseId && t.elementId === 'followUp');
    expect(followUps).toHaveLength(1);
  }, 90_000);

  it('starts victim contact from the case with its start form and says where its first task waits', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 1280, height: 900 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=start-work`);
    const panel = page.getByRole('region', { name: 'Start work' });
    await panel.getByRole('button', { name: 'Victim contact & restorative justice' }).click();
    await panel.getByRole('button', { name: 'Start' }).click();
    const summary = panel.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    await panel.getByLabel(/^Date the crime was reported/).fill('2026-11-20');
    await panel.getByLabel(/^Date the police passed on/).fill('2026-11-23');
    await panel.getByLabel(/enhanced rights/).check();
    await panel.getByRole('button', { name: 'Start' }).click();
    await panel.getByText('Victim contact & restorative justice has started.').waitFor();
    // Its first task is the victim workers' (the RJ suitability decision): the case manager is told where it waits.
    await panel.getByText(/Its first task, “Decide whether to invite the victim to restorative justice \(with reasons\)”, is in the victim workers queue\./).waitFor();
    const vicky = await signInHeaders('vicky.victim');
    const queue = (await (await fetch(`${system.url}/api/tasks?queue=team&limit=100`, { headers: vicky })).json()) as { items: Array<{ caseId?: string; elementId: string }> };
    expect(queue.items.filter((t) => t.caseId === caseId).map((t) => t.elementId)).toEqual(['suitability']);
    await expectNoSeriousAxeViolations(page, { label: 'start work tab, desktop' });
  }, 90_000);

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await signInAs(browser, system.url, 'cara.case', { viewport: { width: 390, height: 844 } });
    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=contacts`);
    const contacts = page.getByRole('region', { name: 'Contacts and appointments' });
    await contacts.getByRole('heading', { name: /Office appointment/ }).waitFor();
    await contacts.getByRole('button', { name: 'Record a contact' }).click();
    await contacts.getByLabel(/^Type of contact/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'contacts tab, phone' });

    await page.goto(`${system.url}/cases/${encodeURIComponent(caseId)}?tab=start-work`);
    const start = page.getByRole('region', { name: 'Start work' });
    await start.getByRole('button', { name: 'Compliance & breach' }).click();
    await start.getByLabel(/^Order the child did not comply with/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousAxeViolations(page, { label: 'start work tab, phone' });
  }, 90_000);
});
