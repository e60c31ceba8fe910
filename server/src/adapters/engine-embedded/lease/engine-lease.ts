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
  /** The newest lease row the last round read or wrote: a follower forwards commands to it without a read. */
  private seen?: LeaseRecord;
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

  /**
   * The holder as the last round found it, while its written expiry has not passed by this process's clock
   * (undefined: ask the store). Rounds run every third of the lease, so a live holder's row is never stale
   * by more than that; a holder that died since is found out when the command to it fails.
   */
  knownHolder(): LeaseRecord | undefined {
    const s = this.seen;
    return s && s.expiresAt > this.opts.clock.now() ? s : undefined;
  }

  /** One round: renew the lease if held, else take it if free or expired. Never throws on losing a race. */
  async step(): Promise<LeaseState> {
    const state = await this.round();
    this.seen = state.kind === 'follower' ? state.owner : this.seen;
    return state;
  }

  private async round(): Promise<LeaseState> {
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
    this.seen = record;
    if (epoch > 2) await store.prune(epoch - 1).catch(() => undefined); // housekeeping only
    return { kind: 'owner', grant };
  }

  private async renew(g: LeaseGrant): Promise<LeaseGrant | undefined> {
    const { store, clock } = this.opts;
    const sentAt = clock.now();
    // Past its own deadline the holder never renews: a rival may already have taken over.
    if (sentAt >= g.validUntil) return undefined;
    // No read first: extending a row a rival has already superseded changes nothing (the newest epoch
    // decides), and the check after the write finds the rival whether it came before or during it.
    const expiresAt = new Date(sentAt.getTime() + this.opts.ttlMs);
    await store.extend(g.epoch, expiresAt);
    if (await store.exists(g.epoch + 1)) return undefined;
    const next = this.validFrom(g.epoch, sentAt);
    if (next) {
      this.grant = next;
      if (this.seen?.epoch === g.epoch) this.seen = { ...this.seen, expiresAt };
    }
    return next;
  }

  private validFrom(epoch: number, sentAt: Date): LeaseGrant | undefined {
    const validUntil = new Date(sentAt.getTime() + this.opts.ttlMs - this.marginMs);
    return this.opts.clock.now() < validUntil ? { epoch, validUntil } : undefined;
  }
}
