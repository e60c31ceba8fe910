// Keeps an embedded database child running. When it exits unexpectedly the server does not exit with it: the
// exit is reported (an error in the log, counted), the child is started again on the same port after a
// back-off that doubles per attempt, and the app's connection pool reconnects to it by itself (same address).
// Meanwhile status() says 'restarting', which the HTTP layer answers with 503 DATABASE_UNAVAILABLE. Only when
// `maxRestarts` attempts in a row have not given a child that stays up `stableMs` does it give up (the
// server then exits non-zero, as before, so a service manager can take over).
import type { DatabaseHandle, DatabaseStatus } from '../../ports/database.port';

export interface RestartPolicy {
  maxRestarts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Up this long after a restart: a later exit starts counting from zero again. */
  stableMs: number;
}

export const defaultRestartPolicy: RestartPolicy = { maxRestarts: 5, firstDelayMs: 500, maxDelayMs: 8000, stableMs: 60000 };

export interface ChildLife {
  pid: number;
  close(): Promise<void>;
}

export interface SupervisorEvents {
  /** The child exited on its own; `attempt` is the restart about to be tried (1-based), in `delayMs` (undefined: none left). */
  onDown(info: { code: number | null; signal: NodeJS.Signals | null; stderrTail: string; attempt: number; delayMs?: number }): void;
  onStartFailed(info: { attempt: number; error: Error }): void;
  /** Runs before status() says 'up' again: reload what in-memory state a lost write may have left stale. */
  onRestarted(info: { attempt: number; pid: number; downMs: number }): Promise<void> | void;
  onGiveUp(message: string): void;
}

type ExitListener = (code: number | null, signal: NodeJS.Signals | null, stderrTail: string) => void;

export async function superviseDatabase(
  base: Omit<DatabaseHandle, 'close' | 'status'>,
  start: (onUnexpectedExit: ExitListener) => Promise<ChildLife>,
  policy: RestartPolicy,
  events: SupervisorEvents,
): Promise<DatabaseHandle & { readonly pid: number }> {
  let state: DatabaseStatus['state'] = 'up';
  let restarts = 0;
  let attempt = 0; // restarts since the child was last stable
  let upSince = Date.now();
  let downSince = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<unknown> | undefined;
  let current: ChildLife | undefined;

  const launch = async (): Promise<ChildLife> => {
    let life: ChildLife | undefined;
    // An exit while the child is starting fails that start (waitForPing notices); only a running child's exit counts here.
    // eslint-disable-next-line prefer-const -- the callback may run before start() resolves: with `const` it would throw (temporal dead zone)
    life = await start((code, signal, tail) => {
      if (stopped || !life || current !== life) return;
      down(code, signal, tail);
    });
    return life;
  };

  /** Undefined once the attempts are spent. */
  const nextDelay = () => (attempt >= policy.maxRestarts ? undefined : Math.min(policy.firstDelayMs * 2 ** attempt, policy.maxDelayMs));

  const schedule = () => {
    const delayMs = nextDelay();
    attempt += 1;
    if (delayMs === undefined) {
      state = 'failed';
      events.onGiveUp(`the embedded database could not be kept running: ${policy.maxRestarts} restarts in a row did not last ${policy.stableMs / 1000} s`);
      return;
    }
    timer = setTimeout(() => void restart(), delayMs);
  };

  const down = (code: number | null, signal: NodeJS.Signals | null, stderrTail: string) => {
    current = undefined;
    state = 'restarting';
    downSince = Date.now();
    if (Date.now() - upSince >= policy.stableMs) attempt = 0;
    events.onDown({ code, signal, stderrTail, attempt: attempt + 1, delayMs: nextDelay() });
    schedule();
  };

  const restart = async () => {
    if (stopped) return;
    restarts += 1;
    const run = (async () => {
      try {
        const life = await launch();
        current = life;
        if (stopped) return;
        await events.onRestarted({ attempt, pid: life.pid, downMs: Date.now() - downSince });
        if (current !== life) return; // died again while reloading
        upSince = Date.now();
        state = 'up';
      } catch (e) {
        if (stopped) return;
        events.onStartFailed({ attempt, error: e as Error });
        schedule();
      }
    })();
    starting = run;
    await run;
  };

  current = await launch();

  return {
    ...base,
    /** The running child's (the completion bench reads its CPU time); 0 while none runs. */
    get pid() {
      return current?.pid ?? 0;
    },
    status: () => ({ state, restarts, ...(state === 'up' ? {} : { since: new Date(downSince).toISOString() }) }),
    async close() {
      stopped = true;
      clearTimeout(timer);
      await starting?.catch(() => undefined);
      await current?.close();
    },
  };
}
