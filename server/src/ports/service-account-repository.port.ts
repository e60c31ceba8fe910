// Service accounts and their tokens (domain/integration/service-account.ts); the inbound referrals each
// system sent, by idempotency key, so a repeated call answers what the first did.
import type { ServiceAccount, ServiceToken } from '../domain/integration/service-account';

export interface ServiceAccountRepository {
  insertAccount(account: ServiceAccount): Promise<void>;
  findAccount(id: string): Promise<ServiceAccount | undefined>;
  listAccounts(): Promise<ServiceAccount[]>;
  /** Marks the account revoked; false when it already was (the first revocation and its reason stand). */
  revokeAccount(id: string, by: string, at: string, reason: string): Promise<boolean>;
  /** Records a second administrator's approval of an account that reads case data (or that it awaits one). */
  setApproval(id: string, approval: NonNullable<ServiceAccount['approval']>): Promise<void>;
  insertToken(token: ServiceToken): Promise<void>;
  findToken(id: string): Promise<ServiceToken | undefined>;
  tokensOf(accountId: string): Promise<ServiceToken[]>;
  /** Shortens a token's life on rotation (never lengthens it) and names its successor. */
  supersedeToken(id: string, expiresAt: string, replacedBy: string): Promise<void>;
}

/** What the first call with a key answered, repeated for every later call with the same key and body. */
export interface StoredAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface InboundReferral {
  /** `<accountId>:<sha-256 of the Idempotency-Key>`. */
  id: string;
  accountId: string;
  /** SHA-256 of the request body in a canonical form: the same key with another body is refused. */
  bodyHash: string;
  receivedAt: string;
  /** 'processing' until the answer is stored; a claim older than the stale limit may be taken over. */
  state: 'processing' | 'answered';
  answer?: StoredAnswer;
  /** A likely duplicate held for a person to decide: the referral's details and the matching cases. */
  held?: { details: Record<string, unknown>; matchCaseIds: string[]; team: string };
  /** How a person decided a held referral: a new case, joined to an existing one, or no referral (why). */
  decided?: HeldDecision;
}

export interface HeldDecision { at: string; by: string; decision: 'new-case' | 'join' | 'not-a-referral'; caseId: string; reason?: string }

export interface InboundReferralStore {
  /** Stores a new claim; answers the existing record instead when the key was used before. */
  claim(record: InboundReferral): Promise<{ claimed: true } | { claimed: false; existing: InboundReferral }>;
  /** Takes over a stale claim (compare-and-set on its receivedAt); false when another caller took it. */
  retake(id: string, staleReceivedAt: string, receivedAt: string): Promise<boolean>;
  answer(id: string, answer: StoredAnswer, held?: InboundReferral['held']): Promise<void>;
  /** Forgets a claim whose processing failed before any effect, so the system may send it again. */
  release(id: string): Promise<void>;
  /** Held referrals not yet decided, of these teams, oldest first. */
  listHeld(teams: readonly string[]): Promise<InboundReferral[]>;
  findReferral(id: string): Promise<InboundReferral | undefined>;
  /** Records the decision once; false when another person decided first. */
  decide(id: string, decision: HeldDecision): Promise<boolean>;
  /** Takes a decision back when acting on it failed (nothing was opened or joined). */
  undecide(id: string): Promise<void>;
  /** Names the case a new-case decision opened (not known when the decision was claimed). */
  settleDecision(id: string, caseId: string): Promise<void>;
}
