// An escalation email leads somewhere: a referral received a month ago leaves its intake's "Allocate case
// manager" task (owned by the team managers) overdue; its BPMN timer escalates it, the rules find nobody
// above the managers, so the email goes to ESCALATION_FALLBACK (the head of service) through a real SMTP
// server. In Chromium she follows the link from the email body (a task id with a dot), signs in, sees
// the task page, and reloads it — still the task page, not a 404.
import type { Browser } from 'playwright-core';
import { type ParsedMessage, type SmtpCatcher, startSmtpCatcher } from '../../../server/src/adapters/mail/smtp-catcher';
import { launchBrowser, signInAs } from '../../support/browser';
import { startTestSystem } from '../../support/system';

describe('escalation email link', () => {
  let browser: Browser;
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let smtp: SmtpCatcher;
  const inbox: ParsedMessage[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCatcher({ onMessage: (m) => void inbox.push(m) });
    // Links point at PUBLIC_URL, by default http://localhost:<PORT>: the address the browser uses here too.
    system = await startTestSystem({ SMTP_URL: smtp.url, ESCALATION_FALLBACK: 'hana.head' });
    browser = await launchBrowser();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await system?.close();
    await smtp?.close();
  });

  /** As cara.case in the browser's session: opens a case and starts its intake as received `receivedAt`. */
  async function backdatedReferral(receivedAt: string): Promise<{ caseId: string; instanceKey: string }> {
    const page = await signInAs(browser, system.url, 'cara.case');
    const out = await page.evaluate(async (at) => {
      const { csrfToken } = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const post = async (url: string, body: unknown) => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
        return { status: res.status, json: await res.json() };
      };
      const created = await post('/api/cases', { givenName: 'Remy', familyName: 'Late', dateOfBirth: '2011-03-04', team: 'north', confirmedNotDuplicate: true });
      const started = await post(`/api/cases/${encodeURIComponent(created.json.id)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: at } });
      return { created, started };
    }, receivedAt);
    await page.context().close();
    if (out.created.status !== 201 || out.started.status !== 201) throw new Error(`referral not opened: ${JSON.stringify(out)}`);
    return { caseId: out.created.json.id, instanceKey: out.started.json.instanceKey };
  }

  it('the head of service gets the fallback escalation of an overdue allocation and its link opens the task, reload included', async () => {
    const engine = system.modules.workflow.engine;
    const received = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const { instanceKey } = await backdatedReferral(received);
    await engine.runDue(); // deadlines
    for (const step of ['matchPerson', 'checkSocialCare']) {
      const [task] = (await engine.listUserTasks({ instanceKey, state: 'open' })).filter((t) => t.elementId === step);
      await engine.completeUserTask(task.key, {}, { by: 'test' });
      await engine.runDue();
    }
    const [allocate] = await engine.listUserTasks({ instanceKey, state: 'open' });
    expect(allocate.elementId).toBe('allocate');
    expect(allocate.key).toContain('.'); // <instance>.ut3: the dot the old fallback refused
    await engine.runDue(); // the overdue boundary timer fires: send-escalation-email, level manager
    await engine.runDue();
    await system.modules.escalation.runOnce(); // sweep + delivery through SMTP

    const toHana = inbox.filter((m) => m.to.includes('hana.head@demo.yjs.invalid') && m.subject.startsWith('Escalation: "Allocate case manager"'));
    expect(toHana).toHaveLength(1);
    const mail = toHana[0];
    expect(mail.text).toContain('You receive this as the fallback recipient for escalations: no manager is on record above');
    expect(mail.text).not.toContain('Remy'); // no case details in mail
    const link = /Open the task: (\S+)/.exec(mail.text)?.[1];
    expect(link).toBe(`${system.url}/tasks/${encodeURIComponent(allocate.key)}`);

    // Signed in first, then the link from the email body.
    const signedIn = await signInAs(browser, system.url, 'hana.head');
    await signedIn.goto(link!);
    await signedIn.getByRole('heading', { level: 1, name: 'Allocate case manager' }).waitFor();
    await signedIn.context().close();

    // Opened from the email while signed out: the sign-in form, then the task itself.
    const path = link!.slice(system.url.length);
    const page = await signInAs(browser, system.url, 'hana.head', { startPath: path });
    await page.getByRole('heading', { level: 1, name: 'Allocate case manager' }).waitFor();
    expect(page.url()).toBe(link);
    const reload = await page.reload();
    expect([reload?.status(), reload?.headers()['content-type']]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    await page.getByRole('heading', { level: 1, name: 'Allocate case manager' }).waitFor();
    expect(page.url()).toBe(link);

    // Visible to admins: the outbox entry says it went to the fallback and why.
    const admin = await signInAs(browser, system.url, 'ada.admin');
    const entries = await admin.evaluate(async (taskId) => {
      const res = await fetch(`/api/escalation/outbox?taskId=${encodeURIComponent(taskId)}&limit=50`);
      return ((await res.json()) as { items: { level: string; to: string; state: string; fallbackReason?: string; source: string }[] }).items;
    }, allocate.key);
    expect(entries.filter((e) => e.level === 'escalation-1')).toEqual([
      expect.objectContaining({ to: 'hana.head@demo.yjs.invalid', state: 'sent', source: 'bpmn', fallbackReason: expect.stringContaining('no manager is on record above') }),
    ]);
    await admin.goto(`${system.url}/outbox`);
    const row = admin.getByRole('row').filter({ hasText: 'escalation-1' }).filter({ hasText: 'Allocate case manager' });
    await row.getByTestId('outbox-fallback').waitFor();
    expect(await row.getByTestId('outbox-fallback').textContent()).toMatch(/^fallback recipient: no manager is on record above /);
    expect(await row.textContent()).toContain('hana.head@demo.yjs.invalid');
  }, 180000);
});
