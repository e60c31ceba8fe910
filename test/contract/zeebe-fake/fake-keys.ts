// Zeebe keys are 64-bit numbers written as strings; the embedded engine behind the fake has its own ids.
// One registry maps each inner id to a Zeebe-like key and back (per kind, so ids never collide).
export type KeyKind = 'instance' | 'task' | 'job' | 'incident' | 'definition' | 'element' | 'form' | 'deployment' | 'message' | 'variable' | 'subscription' | 'flow';

export class FakeKeys {
  private next = 2251799813685249n; // the first key of partition 1, as Zeebe numbers them
  private readonly toKey = new Map<string, string>();
  private readonly toInner = new Map<string, { kind: KeyKind; id: string }>();

  key(kind: KeyKind, id: string): string {
    const k = `${kind}:${id}`;
    let key = this.toKey.get(k);
    if (!key) {
      key = String(this.next++);
      this.toKey.set(k, key);
      this.toInner.set(key, { kind, id });
    }
    return key;
  }

  /** The inner id of a key of this kind, or undefined (an unknown key is a 404 for the caller). */
  inner(kind: KeyKind, key: string): string | undefined {
    const found = this.toInner.get(key);
    return found?.kind === kind ? found.id : undefined;
  }

  fresh(kind: KeyKind): string { return this.key(kind, `fresh-${this.next}`); }
}
