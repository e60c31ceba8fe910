// Kill -9 between "SMTP accepted" and "recorded as sent". Documented guarantee: the email is sent again
// once the attempt's lease expires — one duplicate per such crash, never more — with the SAME Message-ID,
// so a receiver that dedupes on Message-ID shows it once. Without a crash: exactly once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { testDbUri } from '../../support/test-db';
import { type Harness, startHarness, to } from './support/escalation-harness';

const child = path.join(__dirname, 'support', 'crash-deliverer.ts');

function runCrashingDeliverer(h: Harness, nowIso: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, testDbUri(), h.dbName, h.smtp.url, nowIso], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('crash between send and record', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('esc_crash', { leaseMs: 120_000 });
  });
  afterAll(() => h.close());

  it('resends at most once, with the same Message-ID, after the lease expires', async () => {
    await h.addTask('k1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-02T18:00:00.000Z');
    await runEscalationSweep(h.deps);

    const result = await runCrashingDeliverer(h, '2026-12-02T18:00:00.000Z');
    expect({ signal: result.signal, stderr: result.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(to(h.inbox, 'ann')).toHaveLength(1);
    const id = `n:k1:overdue:${h.users.ann.id}`;
    expect(await h.outbox.findById(id)).toMatchObject({ state: 'sending', attempts: 1 });

    // While the dead worker's lease is fresh nobody else touches the entry.
    h.advance(60_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, busy: 0 });
    expect(to(h.inbox, 'ann')).toHaveLength(1);

    // Lease expired: taken over and sent again — the one duplicate the guarantee allows.
    h.advance(61_000);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    const copies = to(h.inbox, 'ann');
    expect(copies).toHaveLength(2);
    expect(copies[1].messageId).toBe(copies[0].messageId);
    expect(await h.outbox.findById(id)).toMatchObject({ state: 'sent', attempts: 2 });

    // And never again.
    h.advance(3_600_000);
    await runEscalationSweep(h.deps);
    await deliverOutbox(h.deps);
    expect(to(h.inbox, 'ann')).toHaveLength(2);
  });
});
