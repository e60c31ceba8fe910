// Permission changes awaiting a second administrator, keyed by id (`_id`), plus one lock document naming the
// request that awaits: inserting the lock is what lets only one change wait at a time (two admins asking at
// once: the second insert clashes), and "which one awaits" (or was asked for last) is a read by `_id` — the only filter FerretDB
// answers without decoding every document. Role names and field keys are never document keys (stored as lists).
import type { Connection } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { PermissionChangeRequest, PermissionDecision } from '../../domain/permissions/permission-request';
import type { RolePolicy } from '../../domain/policies/permission-table';
import type { PermissionRequestRepository } from '../../ports/permission-request-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

type Stored = Omit<PermissionChangeRequest, 'id' | 'rows' | 'roleLabels' | 'needsApproval'> & {
  _id: string;
  rows: { role: string; actions: string[]; read: string[]; write: string[] }[];
  roleLabels: { role: string; label: string }[];
  needsApproval: { field: string; message: string }[];
};
interface LockDoc { _id: string; requestId: string; kind?: PermissionChangeRequest['kind'] }

const LOCK = 'awaiting';
const LATEST = 'latest';
// A change to an administrator's own account locks that account only: one waiting change per account.
// A new service account's approval locks that account only.
const lockOf = (r: Pick<PermissionChangeRequest, 'kind' | 'account'>) => (r.kind && r.account ? `account:${r.account.userId}` : LOCK);

function toRequest({ _id, rows, roleLabels, needsApproval, ...rest }: Stored): PermissionChangeRequest {
  return {
    ...rest, id: _id,
    rows: Object.fromEntries(rows.map((r) => [r.role, { actions: r.actions, read: r.read, write: r.write } as unknown as RolePolicy])),
    roleLabels: Object.fromEntries(roleLabels.map((r) => [r.role, r.label])),
    needsApproval: Object.fromEntries(needsApproval.map((n) => [n.field, n.message])),
  };
}

export class MongoPermissionRequestRepository implements PermissionRequestRepository {
  constructor(private readonly conn: Connection) {}

  private get requests() { return this.conn.collection<Stored>('permission_requests'); }
  private get lock() { return this.conn.collection<LockDoc>('permission_request_lock'); }
  /** One document per decided request: inserting it is what makes only one decider's audit happen (see decide). */
  private get decisions() { return this.conn.collection<{ _id: string; decision: PermissionDecision }>('permission_request_decisions'); }

  async create(request: PermissionChangeRequest): Promise<void> {
    try {
      await this.lock.insertOne({ _id: lockOf(request), requestId: request.id, ...(request.kind ? { kind: request.kind } : {}) });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      if (request.kind) throw new ConflictError('A change to this account\'s access is already awaiting another administrator\'s approval: it must be approved or rejected first', 'ACCOUNT_CHANGE_AWAITING');
      throw new ConflictError('Another permission change is awaiting a second administrator\'s approval: it must be approved or rejected before another change is saved', 'PERMISSION_CHANGE_AWAITING');
    }
    if (!request.kind) await this.lock.updateOne({ _id: LATEST }, { $set: { requestId: request.id } }, { upsert: true });
    const { id, rows, roleLabels, needsApproval, ...rest } = request;
    await this.requests.insertOne({
      ...rest, _id: id,
      rows: Object.entries(rows).map(([role, p]) => ({ role, actions: [...p.actions], read: [...p.read], write: [...p.write] })),
      roleLabels: Object.entries(roleLabels).map(([role, label]) => ({ role, label })),
      needsApproval: Object.entries(needsApproval).map(([field, message]) => ({ field, message })),
      sections: request.sections.map(({ key, label, description }) => ({ key, label, description })),
    });
  }

  async awaiting(): Promise<PermissionChangeRequest | undefined> {
    const lock = await this.lock.findOne({ _id: LOCK });
    const request = lock ? await this.get(lock.requestId) : undefined;
    return request?.state === 'awaiting' ? request : undefined;
  }

  async awaitingAccountChanges(): Promise<PermissionChangeRequest[]> {
    // The lock collection holds one document per waiting change (and two more): reading it all is cheap.
    const locks = await this.lock.find({ kind: { $in: ['account', 'service-account'] } }).limit(200).toArray();
    const requests = await Promise.all(locks.map((l) => this.get(l.requestId)));
    return requests.filter((r): r is PermissionChangeRequest => r?.state === 'awaiting');
  }

  async latest(): Promise<PermissionChangeRequest | undefined> {
    const latest = await this.lock.findOne({ _id: LATEST });
    return latest ? this.get(latest.requestId) : undefined;
  }

  async get(id: string): Promise<PermissionChangeRequest | undefined> {
    const doc = await this.requests.findOne({ _id: id });
    return doc ? toRequest(doc) : undefined;
  }

  async setInstance(id: string, instanceKey: string): Promise<void> {
    await this.requests.updateOne({ _id: id }, { $set: { instanceKey } });
  }

  async decide(id: string, decision: PermissionDecision): Promise<boolean> {
    // The route and the process's job may decide at the same moment, and FerretDB's filtered update is no
    // compare-and-set: the first insert of the decision wins, and whoever comes second sets the winner's.
    let first = true;
    try {
      await this.decisions.insertOne({ _id: id, decision });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      first = false;
    }
    const won = first ? decision : (await this.decisions.findOne({ _id: id }))?.decision ?? decision;
    await this.requests.updateOne({ _id: id, state: 'awaiting' }, { $set: { ...won } });
    // The lock goes whoever decided, so a decision recorded before a crash still frees it on the retry.
    const request = await this.get(id);
    await this.lock.deleteOne({ _id: request ? lockOf(request) : LOCK, requestId: id });
    return first;
  }
}
