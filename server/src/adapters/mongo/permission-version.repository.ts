// Permission versions keyed by their number (`_id`), plus one head document naming the version in force, so
// both "which version is in force" and "load version N" are reads by `_id` — the only filter FerretDB answers
// without decoding every document. No transactions: inserting `_id: N+1` is the optimistic lock (two admins
// saving at once both try N+1 and the second gets a ConflictError), and the head only moves forward ($max).
import type { Connection } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { RolePolicy } from '../../domain/policies/permission-table';
import type { PermissionRows, SectionDefinition } from '../../domain/policies/table-in-force';
import { shippedVersion, type PermissionVersion, type PermissionVersionSummary } from '../../domain/permissions/permission-version';
import type { PermissionVersionRepository } from '../../ports/permission-version-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

// Rows are stored as a list, so a role name is never a document key.
interface StoredRow { role: string; actions: string[]; read: string[]; write: string[] }
interface VersionDoc {
  _id: number; rows: StoredRow[]; createdAt: string; createdBy: string; reason: string;
  sections?: SectionDefinition[]; roleLabels?: { role: string; label: string }[]; approvedBy?: string; requestId?: string;
}
interface HeadDoc { _id: string; version: number }

const HEAD = 'in-force';

function toVersion(doc: VersionDoc): PermissionVersion {
  const rows: Record<string, RolePolicy> = {};
  for (const r of doc.rows) rows[r.role] = { actions: r.actions, read: r.read, write: r.write } as unknown as RolePolicy;
  return {
    version: doc._id, rows, createdAt: doc.createdAt, createdBy: doc.createdBy, reason: doc.reason, ...approval(doc),
    ...(doc.sections?.length ? { sections: doc.sections.map(({ key, label, description }) => ({ key, label, description })) } : {}),
    ...(doc.roleLabels?.length ? { roleLabels: Object.fromEntries(doc.roleLabels.map((r) => [r.role, r.label])) } : {}),
  };
}

const approval = (d: Pick<VersionDoc, 'approvedBy' | 'requestId'>) =>
  (d.approvedBy ? { approvedBy: d.approvedBy, ...(d.requestId ? { requestId: d.requestId } : {}) } : {});

const toRows = (rows: PermissionRows): StoredRow[] =>
  Object.entries(rows).map(([role, p]) => ({ role, actions: [...p.actions], read: [...p.read], write: [...p.write] }));

export class MongoPermissionVersionRepository implements PermissionVersionRepository {
  constructor(private readonly conn: Connection, private readonly now: () => Date = () => new Date()) {}

  private get versions() { return this.conn.collection<VersionDoc>('permission_versions'); }
  private get head() { return this.conn.collection<HeadDoc>('permission_head'); }

  async versionInForce(): Promise<number> {
    const head = await this.head.findOne({ _id: HEAD });
    if (head) return head.version;
    await this.seed();
    return 1;
  }

  async current(): Promise<PermissionVersion> {
    const n = await this.versionInForce();
    const v = await this.getVersion(n);
    if (!v) throw new Error(`The permission head names version ${n}, which is not stored`);
    return v;
  }

  async getVersion(version: number): Promise<PermissionVersion | undefined> {
    if (version === 1) await this.versionInForce(); // version 1 exists once anyone asks for it
    const doc = await this.versions.findOne({ _id: version });
    return doc ? toVersion(doc) : undefined;
  }

  async history(): Promise<PermissionVersionSummary[]> {
    await this.versionInForce();
    const docs = await this.versions.find({}, { projection: { rows: 0 } }).sort({ _id: -1 }).limit(500).toArray();
    return docs.map((d) => ({ version: d._id, createdAt: d.createdAt, createdBy: d.createdBy, reason: d.reason, ...approval(d) }));
  }

  async append(next: PermissionVersion): Promise<void> {
    try {
      await this.versions.insertOne({
        _id: next.version, rows: toRows(next.rows), createdAt: next.createdAt, createdBy: next.createdBy, reason: next.reason,
        sections: (next.sections ?? []).map(({ key, label, description }) => ({ key, label, description })),
        roleLabels: Object.entries(next.roleLabels ?? {}).map(([role, label]) => ({ role, label })), ...approval(next),
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError('Someone else changed the permissions at the same time: reload the page and make your change again', 'PERMISSION_VERSION_TAKEN');
    }
    await this.moveHead(next.version);
  }

  private async seed(): Promise<void> {
    const v = shippedVersion(this.now());
    try {
      await this.versions.insertOne({ _id: 1, rows: toRows(v.rows), createdAt: v.createdAt, createdBy: v.createdBy, reason: v.reason });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e; // another server seeded first
    }
    await this.moveHead(1);
  }

  /** Forward only. Two servers upserting the missing head at once: the loser's insert clashes, and its retry updates. */
  private async moveHead(version: number): Promise<void> {
    const move = () => this.head.updateOne({ _id: HEAD }, { $max: { version } }, { upsert: true });
    try {
      await move();
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      await move();
    }
  }
}
