// Appends audit events by group commit. Every filtered read on FerretDB scans the collection, so
// reading the chain's tail before each append cost a scan of the whole log per event (165 ms at a few
// thousand events, serialised); and each insert is a durable SQLite commit. Instead the head of the
// chain is read once and kept here, and events recorded while a write is in flight are sealed in
// order behind it and written together with one insertMany (one commit). A caller's promise resolves
// only once its event is stored. The unique index on `seq` still guards the chain: if another process
// appended meanwhile (several servers on one MongoDB), the insert clashes, the head is re-read and the
// remaining events are sealed again behind the new tail. An event with a key (a step that may run again
// after a crash) is stored with the key as its `_id`: recorded again, its insert is refused, its caller
// gets the stored event, and the events behind it are sealed again behind the last one stored — so a
// re-record neither forks the chain nor leaves a gap in it.
import { randomInt } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { GENESIS_HASH, type AuditEvent, type AuditEventInput } from '../../domain/audit/audit-event';
import { sealEvent } from '../../domain/audit/audit-hash';
import type { Clock } from '../../ports/clock.port';
import { isDuplicateKeyError, storedBeforeFailure } from './mongo-errors';

const MAX_ATTEMPTS = 200;
/** Bounds one insertMany (and so one commit) under a burst; the rest waits for the next round. */
const MAX_BATCH = 500;

interface Pending {
  input: AuditEventInput;
  /** Resolves to the input as stored (details encrypted); awaited in call order, so the chain keeps it. */
  prepared?: Promise<AuditEventInput>;
  resolve(event: AuditEvent): void;
  reject(err: unknown): void;
}

export interface ChainTail {
  seq: number;
  hash: string;
}

export class AuditChainWriter {
  private head?: ChainTail;
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly events: () => Collection,
    private readonly headMarker: () => Collection<{ _id: string; seq: number; hash: string }>,
    private readonly clock: Clock,
  ) {}

  record(input: AuditEventInput, prepared?: Promise<AuditEventInput>): Promise<AuditEvent> {
    return new Promise((resolve, reject) => {
      prepared?.catch(() => undefined); // handled in prepareAll; this only keeps an early failure from counting as unhandled
      this.queue.push({ input, prepared, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      do {
        // Each batch starts once the current turn's callbacks have run, so that events recorded together (a
        // completion's case write and, a few awaits later, its task event) share it: two round trips, not four.
        await new Promise((r) => setImmediate(r));
        const batch = this.queue.splice(0, MAX_BATCH);
        // Every caller of a batch is answered even if something unforeseen throws: a promise left pending
        // would hang its request for ever (settled promises ignore the late rejection).
        await this.writeBatch(await prepareAll(batch)).catch((e: unknown) => rejectAll(batch, e));
      } while (this.queue.length);
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    let rest = batch;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let sealed: AuditEvent[] = [];
      let base: ChainTail | undefined;
      try {
        base = this.head ?? (await this.readTail());
        [rest, sealed] = this.seal(rest, base);
        if (!rest.length) return;
        await this.events().insertMany(sealed.map(toDoc), { ordered: true });
      } catch (e) {
        // Ordered: the events before the first failure are stored, chained behind the old head.
        const stored = storedBefore(e, sealed.length);
        this.head = undefined; // unknown now: read it again
        if (stored > 0) await this.settle(rest.slice(0, stored), sealed.slice(0, stored));
        rest = rest.slice(stored);
        if (!isDuplicateKeyError(e)) return rejectAll(rest, e);
        const earlier = await this.storedUnderKey(rest[0]).catch(() => undefined);
        if (earlier) {
          // Recorded before (a retried step): done. Nothing after it was stored, so the head is known.
          rest.shift()!.resolve(earlier);
          this.head = stored > 0 ? sealed[stored - 1] : base;
          if (!rest.length) return;
          continue;
        }
        // Another process took these sequence numbers: back off a little (jitter spreads retries).
        await new Promise((r) => setTimeout(r, randomInt(1, 5 + attempt)));
        continue;
      }
      this.head = sealed[sealed.length - 1];
      return this.settle(rest, sealed);
    }
    rejectAll(rest, new Error(`Could not append to the audit log after ${MAX_ATTEMPTS} attempts (too many concurrent writers)`));
  }

  /** Moves the head marker past stored events, then answers their callers. */
  private async settle(callers: Pending[], stored: AuditEvent[]): Promise<void> {
    try {
      await this.advanceHeadMarker(stored[stored.length - 1]);
    } catch (e) {
      return rejectAll(callers, e);
    }
    callers.forEach((p, i) => p.resolve(stored[i]));
  }

  /** Chains the events behind `tail`; one that cannot be sealed (not JSON) fails its caller alone. */
  private seal(callers: Pending[], tail: ChainTail): [Pending[], AuditEvent[]] {
    const kept: Pending[] = [];
    const sealed: AuditEvent[] = [];
    let prev = tail;
    for (const p of callers) {
      let event: AuditEvent;
      try {
        event = sealEvent(p.input, prev.seq + 1, this.clock.now(), prev.hash);
      } catch (e) {
        p.reject(e);
        continue;
      }
      kept.push(p);
      sealed.push(event);
      prev = event;
    }
    return [kept, sealed];
  }

  /** The one full read of the log: at the first append, and after a clash or failure. */
  private async readTail(): Promise<ChainTail> {
    const last = await this.events().find({}, { projection: { seq: 1, hash: 1 } }).sort({ seq: -1 }).limit(1).next();
    return last ? { seq: last.seq as number, hash: last.hash as string } : { seq: 0, hash: GENESIS_HASH };
  }

  /** The event already stored under a pending event's key, if it has one and it is. */
  private async storedUnderKey(p: Pending | undefined): Promise<AuditEvent | undefined> {
    const key = p?.input.key;
    if (!key) return undefined;
    const doc = await this.events().findOne({ _id: key as never });
    if (!doc) return undefined;
    const { _id, ...event } = doc;
    return event as unknown as AuditEvent;
  }

  /** The head marker lets verify notice events cut off the end; it only ever moves forward. */
  private async advanceHeadMarker(event: ChainTail): Promise<void> {
    const r = await this.headMarker().updateOne({ _id: 'head', seq: { $lt: event.seq } }, { $set: { seq: event.seq, hash: event.hash } });
    if (r.matchedCount > 0) return;
    await this.headMarker().insertOne({ _id: 'head', seq: event.seq, hash: event.hash }).catch((e) => {
      if (!isDuplicateKeyError(e)) throw e; // already ahead of us
    });
  }
}

/** A keyed event's `_id` is its key: the unique `_id` index refuses it a second time. */
const toDoc = (e: AuditEvent): Document => (e.key ? { _id: e.key, ...e } : { ...e });

/** Waits for each event's preparation; one that fails (its key could not be read) fails its caller alone. */
async function prepareAll(batch: Pending[]): Promise<Pending[]> {
  const ready = await Promise.all(batch.map(async (p) => {
    if (!p.prepared) return true;
    try {
      p.input = await p.prepared;
      return true;
    } catch (e) {
      p.reject(e);
      return false;
    }
  }));
  return batch.filter((_, i) => ready[i]);
}

function rejectAll(callers: Pending[], err: unknown): void {
  for (const p of callers) p.reject(err);
}

/** How many events of an ordered insertMany were stored before it failed (0 when unknown). */
const storedBefore = (err: unknown, attempted: number): number => Math.min(attempted, storedBeforeFailure(err));
