// Service accounts, their tokens and the inbound referrals by idempotency key, in three collections. A call
// with a token reads the token and then its account, both by `_id` (the only filter FerretDB answers without
// decoding every document). No transactions: an idempotency key is claimed by inserting its `_id`, so two
// calls with the same key at once cannot both go on to open a case.
import type { Connection } from 'mongoose';
import type { ServiceAccount, ServiceToken } from '../../domain/integration/service-account';
import type { HeldDecision, InboundReferral, InboundReferralStore, ServiceAccountRepository, StoredAnswer } from '../../ports/service-account-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

type Doc<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

const fromDoc = <T extends { id: string }>({ _id, ...rest }: Doc<T>): T => ({ id: _id, ...rest }) as unknown as T;
const toDoc = <T extends { id: string }>({ id, ...rest }: T): Doc<T> => ({ _id: id, ...rest }) as unknown as Doc<T>;

export class MongoServiceAccountRepository implements ServiceAccountRepository, InboundReferralStore {
  constructor(private readonly conn: Connection) {}

  private get accounts() { return this.conn.collection<Doc<ServiceAccount>>('service_accounts'); }
  private get tokens() { return this.conn.collection<Doc<ServiceToken>>('service_account_tokens'); }
  private get referrals() { return this.conn.collection<Doc<InboundReferral>>('inbound_referrals'); }

  async insertAccount(account: ServiceAccount): Promise<void> {
    await this.accounts.insertOne(toDoc(account));
  }

  async findAccount(id: string): Promise<ServiceAccount | undefined> {
    const doc = await this.accounts.findOne({ _id: id });
    return doc ? fromDoc<ServiceAccount>(doc) : undefined;
  }

  async listAccounts(): Promise<ServiceAccount[]> {
    return (await this.accounts.find({}).sort({ createdAt: -1 }).limit(500).toArray()).map((d) => fromDoc<ServiceAccount>(d));
  }

  async revokeAccount(id: string, by: string, at: string, reason: string): Promise<boolean> {
    const r = await this.accounts.updateOne({ _id: id, revokedAt: { $exists: false } }, { $set: { revokedAt: at, revokedBy: by, revokeReason: reason } });
    return r.modifiedCount === 1;
  }

  async setApproval(id: string, approval: NonNullable<ServiceAccount['approval']>): Promise<void> {
    await this.accounts.updateOne({ _id: id }, { $set: { approval } });
  }

  async insertToken(token: ServiceToken): Promise<void> {
    await this.tokens.insertOne(toDoc(token));
  }

  async findToken(id: string): Promise<ServiceToken | undefined> {
    const doc = await this.tokens.findOne({ _id: id });
    return doc ? fromDoc<ServiceToken>(doc) : undefined;
  }

  async tokensOf(accountId: string): Promise<ServiceToken[]> {
    return (await this.tokens.find({ accountId }).sort({ createdAt: -1 }).limit(100).toArray()).map((d) => fromDoc<ServiceToken>(d));
  }

  async supersedeToken(id: string, expiresAt: string, replacedBy: string): Promise<void> {
    const token = await this.findToken(id);
    if (!token) return;
    const earlier = token.expiresAt < expiresAt ? token.expiresAt : expiresAt;
    await this.tokens.updateOne({ _id: id }, { $set: { expiresAt: earlier, replacedBy } });
  }

  async claim(record: InboundReferral): Promise<{ claimed: true } | { claimed: false; existing: InboundReferral }> {
    try {
      await this.referrals.insertOne(toDoc(record));
      return { claimed: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const doc = await this.referrals.findOne({ _id: record.id });
      if (!doc) throw e;
      return { claimed: false, existing: fromDoc<InboundReferral>(doc) };
    }
  }

  async retake(id: string, staleReceivedAt: string, receivedAt: string): Promise<boolean> {
    const r = await this.referrals.updateOne({ _id: id, state: 'processing', receivedAt: staleReceivedAt }, { $set: { receivedAt } });
    return r.modifiedCount === 1;
  }

  async answer(id: string, answer: StoredAnswer, held?: InboundReferral['held']): Promise<void> {
    await this.referrals.updateOne({ _id: id }, { $set: { state: 'answered', answer, ...(held ? { held } : {}) } });
  }

  async release(id: string): Promise<void> {
    await this.referrals.deleteOne({ _id: id });
  }

  async listHeld(teams: readonly string[]): Promise<InboundReferral[]> {
    const docs = await this.referrals.find({ 'held.team': { $in: [...teams] }, decided: { $exists: false } }).sort({ receivedAt: 1 }).limit(200).toArray();
    return docs.map((d) => fromDoc<InboundReferral>(d));
  }

  async findReferral(id: string): Promise<InboundReferral | undefined> {
    const doc = await this.referrals.findOne({ _id: id });
    return doc ? fromDoc<InboundReferral>(doc) : undefined;
  }

  async decide(id: string, decision: HeldDecision): Promise<boolean> {
    const r = await this.referrals.updateOne({ _id: id, decided: { $exists: false } }, { $set: { decided: decision } });
    return r.modifiedCount === 1;
  }

  async undecide(id: string): Promise<void> {
    await this.referrals.updateOne({ _id: id }, { $unset: { decided: '' } });
  }

  async settleDecision(id: string, caseId: string): Promise<void> {
    await this.referrals.updateOne({ _id: id }, { $set: { 'decided.caseId': caseId } });
  }
}
