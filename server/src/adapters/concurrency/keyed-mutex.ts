// Serialises work per key inside this process.
//
// Why: FerretDB 1.24 (the embedded database) does not apply a conditional update atomically — two
// concurrent `updateOne({_id, assignee: null}, …)` calls can both match (measured: 2 of 3 races on
// SQLite). MongoDB proper is atomic here. The embedded setup is one server process per DATA_DIR,
// so serialising per key in-process restores compare-and-set semantics on both databases.
// Unique-key inserts ARE atomic on FerretDB and remain the tool for cross-process exclusivity.
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
