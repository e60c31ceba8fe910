// The instance documents this process saved last, so a step does not re-read what it has just written.
// Sound because every write of an instance document goes through the runner under the instance's lock, and
// one server owns a database (FerretDB's conditional updates are not atomic, so the embedded setup relies
// on that anyway). An entry holds exactly what is stored and means "its outbox was applied here".
// Bounded (least recently used first out), so resident memory does not grow with waiting instances.
import type { InstanceDoc } from './effect-applier';

export class InstanceCache {
  private readonly docs = new Map<string, InstanceDoc>();

  constructor(private readonly limit = 1000) {}

  get(key: string): InstanceDoc | undefined {
    const doc = this.docs.get(key);
    if (doc) {
      this.docs.delete(key);
      this.docs.set(key, doc);
    }
    return doc;
  }

  set(key: string, doc: InstanceDoc): void {
    this.docs.delete(key);
    this.docs.set(key, doc);
    if (this.docs.size > this.limit) this.docs.delete(this.docs.keys().next().value as string);
  }

  delete(key: string): void {
    this.docs.delete(key);
  }
}
