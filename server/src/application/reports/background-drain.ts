// The reporting projections' updaters note work on an engine event and do it afterwards, in batches, off
// the path of the work that caused the event (the engine awaits its listeners; noting returns at once).
// Notes of the same id coalesce: the value kept is what `note` is given, so a caller merges with `noted`.
// A batch's changes go to the store in one write: on FerretDB a command costs about a millisecond of its
// CPU whatever it carries, and a write per fact made keeping the projections cost completions about half
// as much again (docs/benchmarks.md).
import type { FactChange } from '../../ports/report-fact-repository.port';

export interface BackgroundDrain<V> {
  note(id: string, value: V): void;
  /** The value noted for an id and not yet worked, if any. */
  noted(id: string): V | undefined;
  /** Resolves once every noted id has been worked (tests; a clean stop). */
  idle(): Promise<void>;
}

/** How long a first note waits for others to join its batch, and the most ids a batch works. */
export interface DrainPacing { waitMs: number; most: number }
// 100 ms: a report lags the work by about that much; `idle()` does not wait it out. A window of a second
// gathered more per write, but three benchmark runs with it on a quiet machine lost FerretDB's SQLite file
// ("database disk image is malformed") during the claims; at 100 ms the runs passed. SQLite's WAL-reset race
// (fixed by the wrapper's SQLite 3.51.3) was the suspect; later runs at a second hung FerretDB in the claims
// instead, 100 concurrent updates exhausting its connection pool (docs/database.md), so a second stays out.
export const PROJECTION_PACING: DrainPacing = { waitMs: 100, most: 500 };

export function backgroundDrain<V>(work: (batch: ReadonlyMap<string, V>) => Promise<void>, pacing: DrainPacing = PROJECTION_PACING): BackgroundDrain<V> {
  const pending = new Map<string, V>();
  let draining: Promise<void> | undefined;
  /** Ends the current wait for a batch to gather at once. */
  let hurry: (() => void) | undefined;

  async function drain(): Promise<void> {
    // Also lets the listeners after this one (the task queue's own write, for one) run before reading their rows.
    await new Promise<void>((resolve) => {
      if (pacing.waitMs <= 0) return void setImmediate(resolve);
      const timer = setTimeout(resolve, pacing.waitMs);
      hurry = () => { clearTimeout(timer); setImmediate(resolve); };
    });
    hurry = undefined;
    while (pending.size) {
      const batch = new Map<string, V>();
      for (const [id, value] of pending) {
        if (batch.size >= pacing.most) break;
        batch.set(id, value);
        pending.delete(id);
      }
      await work(batch);
    }
  }

  const kick = () => {
    draining ??= drain().finally(() => {
      draining = undefined;
      if (pending.size) kick();
    });
  };

  return {
    note(id, value) {
      pending.set(id, value);
      kick();
    },
    noted: (id) => pending.get(id),
    async idle() {
      while (draining) {
        hurry?.();
        await draining;
      }
    },
  };
}

/**
 * A drain that derives each noted id's change (undefined: the stored fact is already right) and applies a
 * batch's changes in one write. A failure is reported per id: a derivation's alone, and a failed batch
 * write is tried again one change at a time, so one bad fact does not lose the others.
 */
export function factDrain<F extends { id: string }, V>(
  change: (id: string, value: V) => Promise<FactChange<F> | undefined>,
  store: { apply(changes: readonly FactChange<F>[]): Promise<void> },
  onError: (err: unknown, id: string) => void,
  pacing?: DrainPacing,
): BackgroundDrain<V> {
  return backgroundDrain<V>(async (batch) => {
    const changes: [string, FactChange<F>][] = [];
    for (const [id, value] of batch) {
      try {
        const c = await change(id, value);
        if (c) changes.push([id, c]);
      } catch (err) {
        onError(err, id);
      }
    }
    if (!changes.length) return;
    try {
      await store.apply(changes.map(([, c]) => c));
    } catch {
      for (const [id, c] of changes) await store.apply([c]).catch((err) => onError(err, id));
    }
  }, pacing);
}
