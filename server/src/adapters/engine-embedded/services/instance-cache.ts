// The instance documents this process saved last, so a step does not re-read what it has just written.
// Sound because every write of an instance document goes through the runner under the instance's lock, and
// in the single topology one server owns a database (FerretDB's conditional updates are not atomic, so the
// embedded setup relies on that anyway). When servers share the database an entry may be stale: the
// revision-checked store then refuses the save, and the runner drops the entry and reloads (instance-store.ts).
// An entry holds exactly what this process stored and means "its outbox was applied here".
// Bounded (least recently used first out), so resident memory does not grow with waiting instances — except
// for pinned ones: an instance with a job leased in memory is needed again as soon as the job finishes, and
// under a burst of starts the job queue outgrows the bound (measured: 45% of benchmark (a)'s completions
// re-read their instance and its done-marker). The job queue holds those jobs anyway, so pinned entries
// grow with work in flight, not with waiting instances.
import type { InstanceDoc } from './effect-applier';

export class InstanceCache {
  private readonly docs = new Map<string, InstanceDoc>();
  /** Evicted from the LRU order while pinned; swept once per `limit` evictions (amortised, however long the backlog). */
  private readonly pinned = new Map<string, InstanceDoc>();
  private evictions = 0;

  constructor(private readonly limit = 1000, private readonly isPinned: (key: string) => boolean = () => false) {}

  get(key: string): InstanceDoc | undefined {
    const doc = this.docs.get(key) ?? this.pinned.get(key);
    if (doc) this.set(key, doc);
    return doc;
  }

  set(key: string, doc: InstanceDoc): void {
    this.delete(key);
    this.docs.set(key, doc);
    while (this.docs.size > this.limit) {
      const [oldest, old] = this.docs.entries().next().value as [string, InstanceDoc];
      this.docs.delete(oldest);
      if (this.isPinned(oldest)) this.pinned.set(oldest, old);
      if (++this.evictions % this.limit === 0) {
        for (const k of [...this.pinned.keys()]) if (!this.isPinned(k)) this.pinned.delete(k);
      }
    }
  }

  delete(key: string): void {
    this.docs.delete(key);
    this.pinned.delete(key);
  }
}
