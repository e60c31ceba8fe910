// Who runs the embedded engine when several servers share a database (TOPOLOGY=shared): the holder of the
// newest lease epoch that has not expired. Taken with a unique insert of epoch n+1 (engine-lease.port.ts),
// renewed by its holder, taken over by anyone once expired.
//
// Why the holder stops early: its renewal write may land late, after a rival read the old expiry and took
// epoch n+1. So the holder counts its time from when it *sent* the renewal and gives up `margin` before the
// expiry it wrote; rivals take over only at that expiry. Two owners at once would need a database answer
// slower than the margin (or clocks further apart than it); the instance store's revision check
// (engine-embedded/store) still refuses a stale owner's instance write then.
import type { Clock } from '../../../ports/clock.port';
import type { EngineLeaseStore, LeaseRecord } from '../../../ports/engine-lease.port';

export interface LeaseGrant {
  epoch: number;
  /** By this process's clock: act as the owner only before this moment. */
  validUntil: Date;
}

export interface EngineLeaseOptions {
  store: EngineLeaseStore;
  clock: Clock;
  holder: string;
  address: string;
  ttlMs: number;
  /** How long before the written expiry the holder stops acting (default a third of ttlMs). */
  marginMs?: number;
}

export type LeaseState =
  | { kind: 'owner'; grant: LeaseGrant }
  | { kind: 'follower'; owner?: LeaseRecord };

export class EngineLease {
  private grant?: LeaseGrant;
  private readonly marginMs: number;

  constructor(private readonly opts: EngineLeaseOptions) {
    this.marginMs = opts.marginMs ?? Math.floor(opts.ttlMs / 3);
    if (this.marginMs >= opts.ttlMs) throw new Error('the lease margin must be shorter than the lease');
  }

  /** The current grant if it is still valid by this process's clock (call before acting as the owner). */
  held(): LeaseGrant | undefined {
    const g = this.grant;
    return g && this.opts.clock.now() < g.validUntil ? g : undefined;
  }

  /** One round: renew the lease if held, else take it if free or expired. Never throws on losing a race. */
  async step(): Promise<LeaseState> {
    if (this.grant) {
      const renewed = await this.renew(this.grant);
      if (renewed) return { kind: 'owner', grant: renewed };
      this.grant = undefined;
    }
    return this.tryAcquire();
  }

  /** Gives the lease up (shutdown): expires it now so another server takes over without waiting. */
  async release(): Promise<void> {
    const g = this.grant;
    this.grant = undefined;
    if (g && !(await this.opts.store.exists(g.epoch + 1))) await this.opts.store.extend(g.epoch, this.opts.clock.now());
  }

  private async tryAcquire(): Promise<LeaseState> {
    const { store, clock } = this.opts;
    const latest = await store.latest();
    const sentAt = clock.now();
    if (latest && latest.expiresAt > sentAt) return { kind: 'follower', owner: latest };
    const epoch = (latest?.epoch ?? 0) + 1;
    const record: LeaseRecord = {
      epoch, holder: this.opts.holder, address: this.opts.address, acquiredAt: sentAt, expiresAt: new Date(sentAt.getTime() + this.opts.ttlMs),
    };
    if (!(await store.claim(record))) return { kind: 'follower', owner: await store.latest() };
    const grant = this.validFrom(epoch, sentAt);
    if (!grant) return { kind: 'follower', owner: await store.latest() }; // the insert took longer than the margin
    this.grant = grant;
    if (epoch > 2) await store.prune(epoch - 1).catch(() => undefined); // housekeeping only
    return { kind: 'owner', grant };
  }

  private async renew(g: LeaseGrant): Promise<LeaseGrant | undefined> {
    const { store, clock } = this.opts;
    const sentAt = clock.now();
    // Past its own deadline the holder never renews: a rival may already have taken over.
    if (sentAt >= g.validUntil) return undefined;
    if (await store.exists(g.epoch + 1)) return undefined;
    await store.extend(g.epoch, new Date(sentAt.getTime() + this.opts.ttlMs));
    // A rival that read the old expiry just before this write may have taken the next epoch meanwhile.
    if (await store.exists(g.epoch + 1)) return undefined;
    const next = this.validFrom(g.epoch, sentAt);
    if (next) this.grant = next;
    return next;
  }

  private validFrom(epoch: number, sentAt: Date): LeaseGrant | undefined {
    const validUntil = new Date(sentAt.getTime() + this.opts.ttlMs - this.marginMs);
    return this.opts.clock.now() < validUntil ? { epoch, validUntil } : undefined;
  }
}
