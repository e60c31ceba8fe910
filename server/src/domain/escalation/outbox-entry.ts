// One email in the outbox. Its id IS the exactly-once key: a notice is `n:<task>:<level>:<recipient>`,
// a digest `d:<recipient>:<day>`, a team digest `t:<manager>:<day>`. The store inserts ids uniquely, so
// whatever runs twice (two sweeps, a sweep and a BPMN timer, a restart) creates the email once, ever.
//
//   pending ─► sending ─► sent
//      ▲          └─► retry ─► (pending again at nextAttemptAt) … ─► dead ─(admin retry)─► pending
//   held (waiting for the recipient's daily digest) ─► digested
//   pending/retry/held ─► cancelled (task closed, or superseded by a reassignment / new due date)
import { createHash } from 'node:crypto';
import type { NoticeLevel } from './escalation-policy';

export const OUTBOX_STATES = ['pending', 'held', 'sending', 'sent', 'retry', 'dead', 'cancelled', 'digested'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type OutboxKind = 'notice' | 'digest' | 'team-digest';
export type OutboxSource = 'sweep' | 'bpmn' | 'digest';
export type CancelReason = 'task-closed' | 'superseded' | 'no-address';

export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  source: OutboxSource;
  taskId?: string;
  level?: NoticeLevel;
  /** Task revision the notice was planned for; a different revision at delivery means re-plan. */
  taskRevision?: number;
  recipientId: string;
  to: string;
  /** Set when the rules found nobody and the configured fallback got the notice: why (fallback-recipient.ts). */
  fallbackReason?: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across retries and resends, so a receiver can drop the one duplicate a crash may cause. */
  messageId: string;
  state: OutboxState;
  /** Changes when a superseded entry is planned again, so attempt leases never collide. */
  generation: string;
  attempts: number;
  /** The entry goes dead when `attempts` reaches this (an admin retry raises it). */
  maxAttempts: number;
  nextAttemptAt: string;
  lastAttemptAt?: string;
  lastError?: string;
  sentAt?: string;
  cancelReason?: CancelReason;
  /** Digests: the entries they list. Held entries: the digest that carried them. */
  itemIds?: string[];
  digestId?: string;
  createdAt: string;
  updatedAt: string;
}

export const noticeKey = (taskId: string, level: NoticeLevel, recipientId: string) => `n:${taskId}:${level}:${recipientId}`;
export const digestKey = (recipientId: string, day: string) => `d:${recipientId}:${day}`;
export const teamDigestKey = (managerId: string, day: string) => `t:${managerId}:${day}`;

/** RFC 5322 Message-ID derived from the key: the same email always carries the same id. */
export function messageIdFor(key: string, domain: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 3_600_000 };

/** Exponential backoff: 1, 2, 4 … minutes after failed attempt 1, 2, 3 …, capped at an hour. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempt - 1), policy.maxDelayMs);
}

export const isFinal = (s: OutboxState): boolean => s === 'sent' || s === 'dead' || s === 'cancelled' || s === 'digested';
