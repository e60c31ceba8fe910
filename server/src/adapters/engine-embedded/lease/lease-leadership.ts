// Which server runs the periodic work (escalation sweeps, mail delivery, Zeebe task reconciliation) when
// several share a database (TOPOLOGY=shared) and the engine itself needs no lease: ENGINE=zeebe, whose
// cluster is the one engine every server uses. The same database lease as the embedded engine's
// (engine-lease.ts: a unique insert per epoch, renewed, taken over after expiry, fenced by the holder's own
// deadline), kept by the same rounds (lease-keeper.ts); only what gaining and losing it does differs. With
// the embedded engine LeasedEngine plays this part, and its lease holder also runs the engine.
import type { Clock } from '../../../ports/clock.port';
import type { EngineLease } from './engine-lease';
import { startLeaseKeeper, type LeaseKeeper } from './lease-keeper';

export interface LeaseLeadershipOptions {
  lease: EngineLease;
  clock: Clock;
  ttlMs: number;
  onError(err: unknown, msg: string): void;
}

export class LeaseLeadership {
  private keeper?: LeaseKeeper;
  private leading = false;
  private abandoned = false;
  private readonly listeners: ((leading: boolean) => Promise<void>)[] = [];

  constructor(private readonly opts: LeaseLeadershipOptions) {}

  /** Whether this server runs the periodic work now (its lease is held by its own clock). */
  get isLeader(): boolean { return this.leading && !!this.opts.lease.held(); }

  /** Called with true when this server starts running the periodic work, false when it stops. */
  onOwnership(listener: (leading: boolean) => Promise<void>): void { this.listeners.push(listener); }

  /** Takes part in the lease; the first round ends before this returns, so a lone server leads at once. */
  async start(): Promise<void> {
    this.keeper = startLeaseKeeper({
      lease: this.opts.lease,
      intervalMs: Math.floor(this.opts.ttlMs / 3),
      now: () => this.opts.clock.now().getTime(),
      onGained: () => this.tell(true),
      onLost: () => this.tell(false),
      onError: (err) => this.opts.onError(err, 'work lease round failed'),
    });
    await this.keeper.step();
  }

  /** Stops the work and gives the lease back, so another server takes over at once. */
  async stop(): Promise<void> {
    await this.keeper?.stop();
    if (!this.abandoned) await this.opts.lease.release().catch((err) => this.opts.onError(err, 'releasing the work lease failed'));
  }

  /** Stops without giving the lease back: what a crash leaves (tests). */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await this.stop();
  }

  private async tell(leading: boolean): Promise<void> {
    this.leading = leading;
    for (const l of this.listeners) await l(leading).catch((err) => this.opts.onError(err, 'work lease listener failed'));
  }
}
