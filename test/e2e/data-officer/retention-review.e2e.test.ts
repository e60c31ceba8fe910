// The data officer's retention review in Chromium against the whole product: on the Retention page the demo
// data officer sees the schedule in words, places a legal hold, starts a review; in the review task the list
// says in words what is due and what is held; approving erases the due case and keeps the held one.
import type { Browser } from 'playwright-core';
import { signInAs } from '../../support/browser';
import { e2eLifecycle, type E2eSystem } from '../../support/e2e-lifecycle';

describe("the data officer's retention review in the browser", () => {
  let browser: Browser;
  let system: E2eSystem;
  const ids: string[] = [];

  e2eLifecycle(async (s, b) => {
    system = s;
    browser = b;
    const signIn = await fetch(`${s.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cara.case', password: 'demo-password-2026' }),
    });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    const headers = { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
    for (const [givenName, familyName] of [['Ottilie', 'Due'], ['Harriet', 'Held']]) {
      const res = await fetch(`${s.url}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ givenName, familyName, dateOfBirth: '2002-03-14', team: 'north', confirmedNotDuplicate: true }) });
      const id = ((await res.json()) as { id: string }).id;
      ids.push(id);
      // A referral order closed in June 2019, written straight to the record as a case of that age would be.
      await s.conn.collection('cases').updateOne({ _id: id } as never, { $set: {
        status: 'closed', pathway: 'court-order',
        'sections.offending': { values: {}, revision: 1, updatedAt: '2019-05-01T10:00:00Z', updatedBy: 'x', sources: {}, collections: { orders: [{ id: 'o1', values: { type: 'referral-order' }, sources: {} }] } },
        'sections.plans': { values: { closureDate: '2019-06-10' }, revision: 1, updatedAt: '2019-06-10T10:00:00Z', updatedBy: 'x', sources: {} },
      } });
    }
  });

  it('holds one case, starts a review, reads the list in words and approves the erasure', async () => {
    const [dueId, heldId] = ids;
    const page = await signInAs(browser, system.url, 'dan.data');
    page.setDefaultTimeout(10_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    await page.getByTestId('retention-rule-referral-orders').getByText('deleted 6 years after the date the case closed, at the end of that financial year (CASE+6)').waitFor();

    await page.getByLabel('Case reference').fill(heldId);
    await page.getByLabel('Reason').fill('Civil claim by the family');
    await page.getByRole('button', { name: 'Place hold' }).click();
    await page.getByRole('cell', { name: `This case: ${heldId}` }).waitFor();

    await page.getByRole('button', { name: 'Start a retention review now' }).click();
    await page.getByText('Retention review started').waitFor();
    const engine = system.modules.workflow.engine;
    let task;
    for (let i = 0; i < 100 && !task; i++) {
      await engine.runDue();
      task = (await engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'retention-review');
      if (!task) await new Promise((r) => setTimeout(r, 100));
    }
    expect(task).toBeDefined();

    await page.goto(`${system.url}/tasks/${encodeURIComponent(task!.key)}`);
    await page.getByRole('heading', { name: 'Review the erasures due' }).waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByText('Claimed by you').waitFor();
    await page.getByText(`Case ${dueId} — to be erased.`, { exact: false }).waitFor();
    await page.getByText(`Case ${heldId} — HELD AND KEPT (case hold: Civil claim by the family)`, { exact: false }).waitFor();
    await page.getByLabel('Yes, erase them').check();
    await page.getByLabel('Notes on your decision').fill('Checked against the paper index');
    await page.getByRole('button', { name: 'Complete task' }).click();
    await page.getByText('Task completed', { exact: false }).waitFor();

    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      await engine.runDue();
      gone = !(await system.conn.collection('cases').findOne({ _id: dueId } as never));
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    expect(gone).toBe(true);
    expect(await system.conn.collection('cases').findOne({ _id: heldId } as never)).not.toBeNull();
  }, 120_000);
});
