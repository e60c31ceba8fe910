// Canonical JSON (sorted keys, no undefined) so the hash depends on content only: the database may
// return fields in another order, and a summary must hash the same after a round trip.
import { createHash } from 'node:crypto';
import type { AuditEvent } from './audit-event';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 over the canonical event (everything but its own hash), prevHash included. */
export function hashEvent(event: Omit<AuditEvent, 'hash'>): string {
  const { hash: _ignored, ...content } = event as AuditEvent;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Seals an event at a chain position. Summaries go through JSON first so what is hashed is what is stored. */
export function sealEvent(input: Omit<AuditEvent, 'hash' | 'prevHash' | 'seq' | 'at'>, seq: number, at: Date, prevHash: string): AuditEvent {
  const plain = JSON.parse(JSON.stringify(input)) as Omit<AuditEvent, 'hash' | 'prevHash' | 'seq' | 'at'>;
  const unsealed = { ...plain, seq, at: at.toISOString(), prevHash };
  return { ...unsealed, hash: hashEvent(unsealed) };
}
