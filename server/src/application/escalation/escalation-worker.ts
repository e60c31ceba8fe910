// Runs the escalation verbs on a schedule in one process: deliver the outbox often, sweep every few
// minutes, and make the daily digests once a day after digestAt (London time). Every verb is safe to
// repeat and to run in several processes at once, so the schedule only decides how soon things happen.
import { zonedInstant } from '../../domain/calendar/london-time';
import { deliverOutbox } from './deliver-outbox';
import type { EscalationDeps } from './escalation-deps';
import { runEscalationSweep } from './run-escalation-sweep';
import { sendDigests } from './send-digests';
import { sendTeamDigests } from './send-team-digests';

export interface EscalationWorkerOptions {
  tickMs?: number;
  sweepEveryMs?: number;
  /** "HH:mm" London time after which the day's digests are made. */
  digestAt?: string;
  /** With nothing known to be waiting, look at the outbox this often anyway (other processes enqueue too). */
  idleDeliverEveryMs?: number;
  onError?: (error: unknown, step: string) => void;
}

export interface EscalationWorker {
  /** One round of everything that is due; what the timer calls (and tests call directly). */
  tick(): Promise<void>;
  /** Something was enqueued (e.g. by the BPMN job): deliver at the next tick instead of the idle poll. */
  nudge(): void;
  stop(): Promise<void>;
}

export function startEscalationWorker(deps: EscalationDeps, options: EscalationWorkerOptions = {}): EscalationWorker {
  const tickMs = options.tickMs ?? 15_000;
  // Notices are day-granular; where a sweep queries the task collection (MongoDB, or before the embedded
  // server's queue index is loaded; a full scan on FerretDB) it is not free, so not too often.
  const sweepEveryMs = options.sweepEveryMs ?? 600_000;
  const digestAt = options.digestAt ?? '07:00';
  const idleDeliverEveryMs = options.idleDeliverEveryMs ?? 120_000;
  let lastSweep = 0;
  let lastDeliver = 0;
  // On FerretDB every outbox poll scans the collection, so poll eagerly only while work is known to wait.
  let workWaiting = true;
  let lastDigestDay = '';
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      options.onError?.(e, name);
      return undefined;
    }
  };

  const tick = async () => {
    const now = deps.clock.now();
    if (now.getTime() - lastSweep >= sweepEveryMs) {
      lastSweep = now.getTime();
      const swept = await step('sweep', () => runEscalationSweep(deps));
      if (swept?.enqueued) workWaiting = true;
    }
    const day = deps.calendar.civilDate(now);
    if (day !== lastDigestDay && now >= zonedInstant(day, digestAt, 'Europe/London')) {
      lastDigestDay = day;
      await step('digests', () => sendDigests(deps));
      await step('team-digests', () => sendTeamDigests(deps));
      workWaiting = true;
    }
    if (!workWaiting && now.getTime() - lastDeliver < idleDeliverEveryMs) return;
    lastDeliver = now.getTime();
    const report = await step('deliver', () => deliverOutbox(deps));
    // Retries and busy entries come back later; a full page may mean more behind it.
    workWaiting = !report || report.retry + report.busy + report.sent + report.cancelled + report.dead > 0;
  };

  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      // unref: the worker alone never keeps the process alive (the HTTP server does).
      if (!stopped) timer = setTimeout(loop, tickMs).unref();
    });
  };
  timer = setTimeout(loop, 0);

  return {
    tick: () => (running = running.then(tick)),
    nudge: () => {
      workWaiting = true;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
