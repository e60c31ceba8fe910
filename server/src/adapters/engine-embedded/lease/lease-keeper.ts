// Runs the engine lease's rounds (engine-lease.ts) on a timer: renews while held, takes over when the
// owner's lease expires, and says when this server gains or loses the engine. A round runs before the
// holder's own deadline, so a held lease is renewed before it could lapse.
import type { EngineLease, LeaseState } from './engine-lease';

export interface LeaseKeeperOptions {
  lease: EngineLease;
  /** Time between rounds (a third of the lease). */
  intervalMs: number;
  now(): number;
  onGained(): Promise<void>;
  onLost(): Promise<void>;
  onError(err: unknown): void;
}

export interface LeaseKeeper {
  /** One round now (a server that needs an owner and finds none takes the lease at once). */
  step(): Promise<void>;
  stop(): Promise<void>;
}

export function startLeaseKeeper(opts: LeaseKeeperOptions): LeaseKeeper {
  let owning = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    let state: LeaseState | undefined;
    try {
      state = await opts.lease.step();
    } catch (err) {
      opts.onError(err); // a database hiccup: keep the engine until the holder's own deadline
    }
    const holds = state ? state.kind === 'owner' : !!opts.lease.held();
    if (holds && !owning && !stopped) {
      owning = true;
      await opts.onGained().catch((err) => {
        owning = false; // the next round tries again while the lease is held
        opts.onError(err);
      });
    } else if (!holds && owning) {
      owning = false;
      await opts.onLost().catch(opts.onError);
    }
  };

  const schedule = () => {
    if (stopped) return;
    const until = opts.lease.held()?.validUntil.getTime();
    // Wake at the holder's deadline at the latest, so the engine stops on time even if a renewal hung.
    const wait = until === undefined ? opts.intervalMs : Math.max(0, Math.min(opts.intervalMs, until - opts.now()));
    timer = setTimeout(() => void step().finally(schedule), wait);
    timer.unref();
  };

  const step = () => (running = running.then(round));
  const first = step().finally(schedule);

  return {
    step: () => first.then(step),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      if (owning) {
        owning = false;
        await opts.onLost().catch(opts.onError);
      }
    },
  };
}
