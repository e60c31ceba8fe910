// Stored shape of an outbox entry: instants as Dates so "due by now" is an indexed range query.
import { Schema } from 'mongoose';
import type { OutboxEntry } from '../../domain/escalation';

export interface OutboxDoc extends Omit<OutboxEntry, 'id' | 'nextAttemptAt' | 'lastAttemptAt' | 'sentAt' | 'createdAt' | 'updatedAt'> {
  _id: string;
  nextAttemptAt: Date;
  lastAttemptAt?: Date;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: String,
    kind: String,
    source: String,
    taskId: String,
    level: String,
    taskRevision: Number,
    recipientId: String,
    to: String,
    fallbackReason: String,
    subject: String,
    text: String,
    html: String,
    messageId: String,
    state: String,
    generation: String,
    attempts: Number,
    maxAttempts: Number,
    nextAttemptAt: Date,
    lastAttemptAt: Date,
    lastError: String,
    sentAt: Date,
    cancelReason: String,
    itemIds: { type: [String], default: undefined },
    digestId: String,
    createdAt: Date,
    updatedAt: Date,
  },
  { collection: 'escalation_outbox', versionKey: false },
);
outboxSchema.index({ state: 1, nextAttemptAt: 1 });
outboxSchema.index({ taskId: 1, state: 1 });
outboxSchema.index({ createdAt: -1 });

/** One document per delivery attempt; its unique _id is what makes an attempt belong to one worker. */
export interface LeaseDoc {
  _id: string;
  at: Date;
}
export const leaseSchema = new Schema<LeaseDoc>({ _id: String, at: Date }, { collection: 'escalation_outbox_leases', versionKey: false });

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

export function toEntry(d: OutboxDoc): OutboxEntry {
  const { _id, nextAttemptAt, lastAttemptAt, sentAt, createdAt, updatedAt, ...rest } = d;
  const out: OutboxEntry = {
    ...rest,
    id: _id,
    nextAttemptAt: iso(nextAttemptAt)!,
    createdAt: iso(createdAt)!,
    updatedAt: iso(updatedAt)!,
  };
  if (lastAttemptAt) out.lastAttemptAt = iso(lastAttemptAt);
  if (sentAt) out.sentAt = iso(sentAt);
  for (const k of Object.keys(out) as (keyof OutboxEntry)[]) if (out[k] === undefined || out[k] === null) delete out[k];
  return out;
}

const DATE_FIELDS = new Set(['nextAttemptAt', 'lastAttemptAt', 'sentAt', 'updatedAt']);

/** A patch with ISO strings turned into Dates (and undefined values unset). */
export function toDocPatch(patch: Record<string, unknown>): { $set: Record<string, unknown>; $unset?: Record<string, ''> } {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) $unset[k] = '';
    else $set[k] = DATE_FIELDS.has(k) && typeof v === 'string' ? new Date(v) : v;
  }
  return Object.keys($unset).length ? { $set, $unset } : { $set };
}
