// The reporting projections' updaters note work on an engine event and do it afterwards, one id at a time,
// off the path of the work that caused the event (the engine awaits its listeners; noting returns at once).
// Notes of the same id coalesce: the value kept is what `note` is given, so a caller merges with `noted`.
export interface BackgroundDrain<V> {
  note(id: string, value: V): void;
  /** The value noted for an id and not yet worked, if any. */
  noted(id: string): V | undefined;
  /** Resolves once every noted id has been worked (tests; a clean stop). */
  idle(): Promise<void>;
}

export function backgroundDrain<V>(work: (id: string, value: V) => Promise<void>): BackgroundDrain<V> {
  const pending = new Map<string, V>();
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    // Let the listeners after this one (the task queue's own write, for one) run before reading their rows.
    await new Promise((resolve) => setImmediate(resolve));
    for (const [id, value] of pending) {
      pending.delete(id);
      await work(id, value);
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
      while (draining) await draining;
    },
  };
}
