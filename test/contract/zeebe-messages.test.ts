// The Zeebe adapter's messages and reconciliation against the contract fake (issue 19). A message without a
// time to live is correlated (POST /v2/messages/correlation), message id or not, so its sender learns whether
// a waiting process took it — what compliance & breach needs to hand a breach to the referral order's panel or
// the custody process. The same id asked again on this server is not sent again. The fake follows the 8.8
// specification: a message id deduplicates a publication only while the message lives (with a time to live).
// Reconciliation announces missed tasks to the queue only on the server that holds the work lease.
import fs from 'node:fs';
import path from 'node:path';
import { createZeebeApi } from '../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../server/src/adapters/engine-zeebe/zeebe-engine';
import { until } from '../support/demo-sessions';
import { openTestDb } from '../support/test-db';
import { zeebeOnFake } from './zeebe-fake/zeebe-on-fake';

const clock = { now: () => new Date('2026-03-02T09:00:00Z') };
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8') });

describe('Zeebe adapter: messages that say whether anyone received them (contract fake)', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let z: Awaited<ReturnType<typeof zeebeOnFake>>;
  const waiting = async (caseId: string) => (await z.engine.startInstance('contract-messages', { caseId })).instanceKey;
  const active = async (instanceKey: string) => (await z.engine.getInstance(instanceKey))?.activeElementIds;
  /** The task the message opened, once this server's worker ran its creating listener (only then is it in the search). */
  const opened = (instanceKey: string) => until('the reply task', async () => {
    await z.engine.runDue();
    return (await z.engine.listUserTasks({ instanceKey, state: 'open' }))[0];
  });

  beforeAll(async () => {
    db = await openTestDb('zeebe-messages');
    z = await zeebeOnFake(db.conn, clock);
    await z.engine.deploy([fixture('contract-messages.bpmn')]);
  }, 60_000);
  afterAll(async () => {
    await z?.engine.stop();
    await z?.fake.close().catch(() => undefined);
    await z?.inner.stop();
    await db?.drop();
  });

  it('correlates a message with an id and no time to live, says it was received, and does not send it twice', async () => {
    const instanceKey = await waiting('msg-a');
    expect(await z.engine.publishMessage('contract-reply', 'msg-a', { reply: 'yes' }, { messageId: 'job-1' })).toEqual({ correlated: true });
    expect(await opened(instanceKey)).toMatchObject({ elementId: 'readReply' });
    // A retried job asks again: the remembered answer, not a second message (which nobody would take: 404).
    expect(await z.engine.publishMessage('contract-reply', 'msg-a', { reply: 'yes' }, { messageId: 'job-1' })).toEqual({ correlated: true, duplicate: true });
    expect(z.fake.calls.get('correlateMessage')).toBe(1);
  });

  it('says when nobody took it, and does not keep it for a process that starts waiting later', async () => {
    expect(await z.engine.publishMessage('contract-reply', 'msg-b', {}, { messageId: 'job-2' })).toEqual({ correlated: false });
    expect(await active(await waiting('msg-b'))).toEqual(['waitReply']);
  });

  it('the fake deduplicates a message id only while the message lives, as the 8.8 specification says', async () => {
    const publish = (timeToLive: number) => fetch(`${z.fake.url}/v2/messages/publication`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'contract-unheard', correlationKey: 'msg-c', messageId: `same-${timeToLive}`, timeToLive }),
    }).then((r) => r.status);
    expect([await publish(0), await publish(0)]).toEqual([200, 200]);
    expect([await publish(3_600_000), await publish(3_600_000)]).toEqual([200, 409]);
  });

  it('reconciliation announces missed tasks only on the server holding the work lease', async () => {
    const api = await createZeebeApi({ restAddress: z.fake.url, auth: { strategy: 'NONE' }, validation: 'req:strict,res:fanatical' });
    let leads = false;
    const other = new ZeebeEngine({ api, clock, runsPeriodicWork: () => leads });
    const announced: string[] = [];
    other.onEvent((e) => { if (e.type === 'user-task.created') announced.push(e.task.key); });
    const open = await other.listUserTasks({ state: 'open' });
    expect(open.map((t) => t.elementId)).toEqual(['readReply']);
    expect(await other.reconcile()).toBe(0);
    expect(announced).toEqual([]);
    leads = true; // this server took the lease
    expect(await other.reconcile()).toBe(1);
    expect(announced).toEqual(open.map((t) => t.key));
    expect(z.fake.violations).toEqual([]);
  });

  // Below the reconciliation test, which counts the open tasks: these open more. The violations check above
  // covers what came before; these end with their own.
  it('correlates a message nobody took the first time once a process waits for it, not answering "duplicate"', async () => {
    // As a contact recorded again after the process was deployed.
    expect(await z.engine.publishMessage('contract-reply', 'msg-e', {}, { messageId: 'job-4' })).toEqual({ correlated: false });
    const instanceKey = await waiting('msg-e');
    expect(await z.engine.publishMessage('contract-reply', 'msg-e', {}, { messageId: 'job-4' })).toEqual({ correlated: true });
    expect(await opened(instanceKey)).toMatchObject({ elementId: 'readReply' });
  });

  it('sends a message asked twice at once (a double click) once', async () => {
    const instanceKey = await waiting('msg-d');
    const before = z.fake.calls.get('correlateMessage') ?? 0;
    const both = await Promise.all([1, 2].map(() => z.engine.publishMessage('contract-reply', 'msg-d', {}, { messageId: 'job-3' })));
    expect(both).toEqual([{ correlated: true }, { correlated: true, duplicate: true }]);
    expect(z.fake.calls.get('correlateMessage')).toBe(before + 1);
    expect(await opened(instanceKey)).toMatchObject({ elementId: 'readReply' });
    expect(z.fake.violations).toEqual([]);
  });
});
