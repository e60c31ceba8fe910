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

/**
 * Field names a document store refuses (FerretDB: any "." or a leading "$") are rewritten with
 * look-alike full-width characters, so a summary keyed by paths such as "personal.name" is recorded
 * rather than failing the use case that recorded it.
 */
function storableKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(storableKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.replace(/\./g, '\uff0e').replace(/^\$/, '\uff04'), storableKeys(v)]),
  );
}

/** Seals an event at a chain position. Summaries go through JSON first so what is hashed is what is stored. */
export function sealEvent(input: Omit<AuditEvent, 'hash' | 'prevHash' | 'seq' | 'at'>, seq: number, at: Date, prevHash: string): AuditEvent {
  const plain = storableKeys(JSON.parse(JSON.stringify(input))) as Omit<AuditEvent, 'hash' | 'prevHash' | 'seq' | 'at'>;
  const unsealed = { ...plain, seq, at: at.toISOString(), prevHash };
  return { ...unsealed, hash: hashEvent(unsealed) };
}
