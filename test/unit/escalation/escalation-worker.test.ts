// The worker's schedule with fake ports and a hand-moved clock: sweep every sweepEveryMs, digests once a
// day after 07:00 London, and outbox polls only while work is known to wait (or at the idle interval).
import { escalationSettings, type EscalationDeps } from '../../../server/src/application/escalation/escalation-deps';
import { startEscalationWorker } from '../../../server/src/application/escalation/escalation-worker';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { DEFAULT_ESCALATION_POLICY } from '../../../server/src/domain/escalation';

function fakeDeps(now: { t: Date }) {
  const calls = { sweeps: 0, polls: 0, held: 0 };
  const deps = {
    tasks: { findById: async () => undefined, openByInstance: async () => [], openDueBefore: async function* () { /* no tasks */ } },
    people: { findByIds: async () => [], findInRoles: async () => [] },
    outbox: {
      dueForDelivery: async () => { calls.polls += 1; return []; },
      held: async () => { calls.held += 1; return []; },
      enqueue: async () => [],
    },
    policies: { current: async () => (calls.sweeps += 1, { ...DEFAULT_ESCALATION_POLICY, version: 1, createdAt: '', createdBy: 'system', reason: '' }) },
    preferences: { modesFor: async () => new Map() },
    mailer: { send: async () => undefined },
    calendar: createWorkingCalendar(),
    clock: { now: () => now.t },
    settings: escalationSettings('http://localhost:3000'),
  } as unknown as EscalationDeps;
  return { deps, calls };
}

describe('escalation worker schedule', () => {
  it('sweeps, makes digests once a day, and polls the outbox only when there may be work', async () => {
    const now = { t: new Date('2026-12-02T06:00:00.000Z') };
    const { deps, calls } = fakeDeps(now);
    const worker = startEscalationWorker(deps, { tickMs: 3_600_000, sweepEveryMs: 600_000, idleDeliverEveryMs: 120_000 });
    try {
    await worker.tick(); // the start-up tick ran too: one sweep, one poll (work assumed at start)
    expect(calls).toEqual({ sweeps: 1, polls: 1, held: 0 });

    now.t = new Date('2026-12-02T06:01:00.000Z');
    await worker.tick(); // idle: no poll yet
    expect(calls.polls).toBe(1);
    worker.nudge();
    await worker.tick();
    expect(calls.polls).toBe(2);
    now.t = new Date('2026-12-02T06:04:00.000Z');
    await worker.tick(); // idle interval passed
    expect(calls.polls).toBe(3);

    now.t = new Date('2026-12-02T07:05:00.000Z');
    await worker.tick(); // after 07:00 London: digests, and a sweep (10 minutes passed)
    await worker.tick();
    expect(calls.held).toBe(1);
    expect(calls.sweeps).toBe(2);
    now.t = new Date('2026-12-03T07:00:00.000Z');
    await worker.tick();
    expect(calls.held).toBe(2);
    } finally {
      await worker.stop();
    }
  });
});
