// A read of the cluster kept for a while, so request paths do not each ask the cluster again: asked again
// once older than keepMs, or at once after forget() (this server changed what it reads). A failed read is
// not kept. Ages are measured on the machine's own clock: this is caching, not business time.
export interface KeptRead<T> {
  get(): Promise<T>;
  /** How long ago the kept answer was asked for (Infinity when none is kept). */
  age(): number;
  forget(): void;
}

export function keptRead<T>(keepMs: number, load: () => Promise<T>, now: () => number = Date.now): KeptRead<T> {
  let held: { at: number; value: Promise<T> } | undefined;
  return {
    get() {
      if (held && now() - held.at < keepMs) return held.value;
      const value = load();
      const mine = { at: now(), value };
      held = mine;
      value.catch(() => { if (held === mine) held = undefined; });
      return value;
    },
    age: () => (held ? now() - held.at : Infinity),
    forget() { held = undefined; },
  };
}
