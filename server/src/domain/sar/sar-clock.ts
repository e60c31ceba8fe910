// The clock of a subject access request (UK GDPR Art 12(3); ICO right of access guidance): the response is
// due one calendar month after receipt — or after the requester's identity was verified, when the
// controller had to ask for proof — and may be extended by up to two further months where the request is
// complex or numerous, provided the requester is told, with the reasons, within the first month.
// Calendar months as the ICO counts them: the same day of the next month, or the month's last day when
// that day does not exist (received 31 January → due 28/29 February).
import { plusMonths, type CivilDate } from '../calendar/civil-date';

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_EXTENSION_MONTHS = 2;

export const isCivilDate = (s: unknown): s is CivilDate =>
  typeof s === 'string' && CIVIL.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The day the month starts counting from: identity verification when it came later than receipt. */
export function clockStart(receivedOn: CivilDate, identityVerifiedOn?: CivilDate): CivilDate {
  return identityVerifiedOn && identityVerifiedOn > receivedOn ? identityVerifiedOn : receivedOn;
}

/** The last day to respond without an extension. */
export function firstMonthDue(receivedOn: CivilDate, identityVerifiedOn?: CivilDate): CivilDate {
  return plusMonths(clockStart(receivedOn, identityVerifiedOn), 1);
}

export interface ExtensionRequest {
  months: number;
  reason: string;
  /** When the requester was told of the extension and why. */
  toldOn: CivilDate;
}

export type ExtensionCheck = { ok: true; due: CivilDate } | { ok: false; field: keyof ExtensionRequest; message: string };

/** Whether an extension may be recorded, and the new due date (counted from the original one). */
export function checkExtension(firstDue: CivilDate, ext: ExtensionRequest): ExtensionCheck {
  if (!Number.isInteger(ext.months) || ext.months < 1 || ext.months > MAX_EXTENSION_MONTHS) {
    return { ok: false, field: 'months', message: 'An extension is one or two further months' };
  }
  if (!ext.reason.trim()) return { ok: false, field: 'reason', message: 'Say why the request is complex or numerous' };
  if (!isCivilDate(ext.toldOn)) return { ok: false, field: 'toldOn', message: 'Enter the date the requester was told, as YYYY-MM-DD' };
  if (ext.toldOn > firstDue) {
    return { ok: false, field: 'toldOn', message: `The requester must be told within the first month (by ${firstDue}); the deadline cannot be extended now` };
  }
  return { ok: true, due: plusMonths(firstDue, ext.months) };
}

/** Who may make the request for whom. The right is the child's; a parent acts only for a child who lacks competence. */
export type Relationship = 'self' | 'parent-for-child' | 'representative';

export function checkRelationship(relationship: Relationship, childCompetent: boolean | undefined): string | undefined {
  if (relationship === 'parent-for-child' && childCompetent !== false) {
    return 'A parent or carer may make the request only for a child who lacks the competence to make it; a competent child makes it (or authorises it) themselves';
  }
  return undefined;
}
