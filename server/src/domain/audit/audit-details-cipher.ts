// Audit details a case's erasure can make unreadable without breaking the chain (issue 17, design
// "Privacy operations and reporting"). An event about a case keeps its personal values — before, after,
// reason — only as AES-256-GCM ciphertext under that case's own key; the chain hashes the ciphertext as
// stored. Erasure destroys the key: the details can no longer be read, yet every stored byte is as it was
// sealed, so verify still passes. Who did what to which case, when and from where stays in clear: that is
// the audit trail itself (DPA 2018 s62), not the child's data.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { AuditEvent, AuditEventInput, SealedDetails } from './audit-event';

const ALGORITHM = 'aes-256-gcm';
export const CASE_KEY_BYTES = 32;

type Details = Pick<AuditEventInput, 'before' | 'after' | 'reason'>;

/** A case's key and its id (keys made before ids existed have none). */
export interface CaseKey {
  key: Buffer;
  kid?: string;
}

/**
 * The case whose personal values an event's details hold: an event about a case, or one that names its
 * case in `after.caseId` (task and submission events). Undefined for events about no case (users, forms).
 */
export function caseOfEvent(input: AuditEventInput): string | undefined {
  if (input.caseId) return input.caseId;
  if (input.recordType === 'case' && input.recordId) return input.recordId;
  const named = input.after?.caseId;
  return typeof named === 'string' && named ? named : undefined;
}

/** Moves before/after/reason into ciphertext under the case's key; the case id stays in clear to find it. */
export function encryptDetails(input: AuditEventInput, caseId: string, { key, kid }: CaseKey): AuditEventInput {
  const { before, after, reason, ...rest } = input;
  const details: Details = { before, after, reason };
  if (before === undefined && after === undefined && reason === undefined) return { ...rest, caseId };
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  // The case id is authenticated data: ciphertext moved onto another case's event fails to decrypt.
  cipher.setAAD(Buffer.from(caseId, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
  const sealed: SealedDetails = {
    iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64'), ...(kid ? { kid } : {}),
  };
  return { ...rest, caseId, sealed };
}

/**
 * The event as a reader sees it: details decrypted when the case's key exists; when it was destroyed
 * (the case was erased) or replaced (the case was reduced to a basic record after this event) the details
 * are gone and `detailsErased` says so. Plaintext events (written before details were encrypted) are
 * returned as stored.
 */
export function decryptDetails(event: AuditEvent, caseKey: CaseKey | undefined): AuditEvent {
  if (!event.sealed || !event.caseId) return event;
  const { sealed, ...rest } = event;
  if (!caseKey || (sealed.kid ?? undefined) !== (caseKey.kid ?? undefined)) return { ...rest, detailsErased: true };
  try {
    const decipher = createDecipheriv(ALGORITHM, caseKey.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(event.caseId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    const details = JSON.parse(plain) as Details;
    return { ...rest, ...details };
  } catch {
    // Ciphertext that does not authenticate (changed, or moved from another case's event): shown as
    // stored rather than failing a whole search; verify reports the change.
    return event;
  }
}

export const newCaseKey = (): Buffer => randomBytes(CASE_KEY_BYTES);
