// Per-case keys of the audit details, in their own collection (not beside the events they open, and
// not in the case record, which erasure deletes in another step). Destroying a case's key is what
// erases its audit details: the events themselves are never touched, so the chain still verifies.
// Keys are kept in memory once read (every write about a case needs its key); a destroyed key leaves the
// cache at once. Several servers on one database: another server may keep a destroyed key in memory
// until it restarts, and could then still read that case's details — erasure is run by one server.
import { randomBytes } from 'node:crypto';
import type { Collection } from 'mongodb';
import { type CaseKey, newCaseKey } from '../../domain/audit/audit-details-cipher';
import { isDuplicateKeyError } from './mongo-errors';

interface KeyDoc {
  _id: string;
  key: string;
  /** Sealed details name it: after a key is replaced, the events of the old one read as erased. */
  kid?: string;
  createdAt: Date;
}

const fromDoc = (d: KeyDoc): CaseKey => ({ key: Buffer.from(d.key, 'base64'), ...(d.kid ? { kid: d.kid } : {}) });

/** Bounds the cache: past it the cache is cleared and refilled from the collection as events arrive. */
const MAX_CACHED = 20_000;

export class AuditCaseKeys {
  private readonly cache = new Map<string, CaseKey>();

  constructor(private readonly collection: () => Collection<KeyDoc>) {}

  /** The case's key, created on first use (two writers racing both end up with the one stored). */
  async keyFor(caseId: string): Promise<CaseKey> {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const stored = await this.collection().findOne({ _id: caseId });
    if (stored) return this.remember(caseId, fromDoc(stored));
    const made = { key: newCaseKey(), kid: randomBytes(8).toString('hex') };
    try {
      await this.collection().insertOne({ _id: caseId, key: made.key.toString('base64'), kid: made.kid, createdAt: new Date() });
      return this.remember(caseId, made);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const winner = await this.collection().findOne({ _id: caseId });
      if (!winner) throw e;
      return this.remember(caseId, fromDoc(winner));
    }
  }

  /** Keys of several cases in one read; a destroyed (or never made) key is absent from the map. */
  async existingKeys(caseIds: readonly string[]): Promise<Map<string, CaseKey>> {
    const found = new Map<string, CaseKey>();
    const missing = [...new Set(caseIds)].filter((id) => {
      const k = this.cache.get(id);
      if (k) found.set(id, k);
      return !k;
    });
    if (missing.length) {
      for (const d of await this.collection().find({ _id: { $in: missing } }).toArray()) {
        found.set(d._id, this.remember(d._id, fromDoc(d)));
      }
    }
    return found;
  }

  /** Destroys the case's key (idempotent). A later event about the case gets a new key with a new id. */
  async destroy(caseId: string): Promise<void> {
    this.cache.delete(caseId);
    await this.collection().deleteOne({ _id: caseId });
    this.cache.delete(caseId); // an event written meanwhile may have cached it again
  }

  private remember(caseId: string, key: CaseKey): CaseKey {
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(caseId, key);
    return key;
  }
}
