// Consent as a lawful basis (UK GDPR Art 6(1)(a), Art 7(3): as easy to withdraw as to give). Only voluntary
// work rests on it (domain.md, Data protection duties): prevention work, a victim's participation in
// restorative justice, and sharing with a named agency. One record per consent given; a withdrawal is
// written onto the record it ends, never a delete, so the history shows who gave and who withdrew, and when.
import type { FieldErrors } from '../errors';

export const CONSENT_PURPOSES = ['prevention-work', 'restorative-justice', 'agency-sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_GIVERS = ['child', 'parent-carer', 'child-and-parent-carer', 'victim', 'victim-parent-guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const PURPOSE_LABELS: Readonly<Record<ConsentPurpose, string>> = {
  'prevention-work': 'prevention work',
  'restorative-justice': 'restorative justice',
  'agency-sharing': 'sharing with another agency',
};

export interface ConsentWithdrawal {
  at: string;
  /** Who withdrew it (as for givenBy), and the worker who recorded it. */
  by: ConsentGiver;
  recordedBy: string;
  reason?: string;
}

export interface ConsentRecord {
  id: string;
  caseId: string;
  purpose: ConsentPurpose;
  /** restorative-justice: the victim's item id (victims.victims); agency-sharing: the agency's name. */
  subject?: string;
  basis: 'consent';
  givenBy: ConsentGiver;
  givenOn: string; // YYYY-MM-DD
  /** The form submission that captured it (or a reference to the paper form). */
  evidence: string;
  privacyNoticeVersion: string;
  recordedBy: string;
  recordedAt: string;
  withdrawal?: ConsentWithdrawal;
}

export type ConsentInput = Pick<ConsentRecord, 'purpose' | 'subject' | 'givenBy' | 'givenOn' | 'evidence' | 'privacyNoticeVersion'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rules of a consent record, as field errors (empty when it may be stored). */
export function consentInputErrors(input: ConsentInput, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!CONSENT_PURPOSES.includes(input.purpose)) errors.purpose = `Choose one of: ${CONSENT_PURPOSES.join(', ')}`;
  if (!CONSENT_GIVERS.includes(input.givenBy)) errors.givenBy = `Choose who gave consent: ${CONSENT_GIVERS.join(', ')}`;
  if (!DATE.test(input.givenOn) || Number.isNaN(Date.parse(input.givenOn))) errors.givenOn = 'Enter the date consent was given as YYYY-MM-DD';
  else if (input.givenOn > today) errors.givenOn = 'The date consent was given cannot be in the future';
  if (!input.evidence.trim()) errors.evidence = 'Name the evidence: the form submission or the signed form';
  if (!input.privacyNoticeVersion.trim()) errors.privacyNoticeVersion = 'Enter the version of the privacy notice given';
  const subject = input.subject?.trim();
  if (input.purpose === 'restorative-justice') {
    if (!subject) errors.subject = 'Name the victim (their item in the Victims tab) whose consent this is';
    if (input.givenBy !== 'victim' && input.givenBy !== 'victim-parent-guardian') errors.givenBy = 'Consent to restorative justice is the victim\'s (or, under 18, their parent or guardian\'s)';
  }
  if (input.purpose === 'agency-sharing' && !subject) errors.subject = 'Name the agency the information may be shared with';
  if (input.purpose === 'prevention-work') {
    if (subject) errors.subject = 'Consent to prevention work is for the case as a whole: name no subject';
    if (input.givenBy.startsWith('victim')) errors.givenBy = 'Consent to prevention work is the child\'s or their parent\'s or carer\'s';
  }
  return errors;
}

/** Subjects compare without case or surrounding spaces ("Police " and "police" are one agency). */
export const sameSubject = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
