// A data sharing agreement: with whom, why, which case sections, on what lawful basis, from when to when.
// Nothing leaves the service to a partner (an export, a webhook event, a shared assessment) except under an
// agreement in force on that day, and only the sections it allows (UK GDPR Art 5(1)(b)/(c) purpose
// limitation and data minimisation; DPA 2018 s62 logs every disclosure). Agreements are the data protection
// officer's: domain.md gives the DPO data protection and admins users and roles, and a council's register of
// sharing agreements is kept by its information governance lead, not by whoever runs the servers.
import { isCaseSection, orderSections, type CaseSection } from '../cases/case-section';

export const LAWFUL_BASES = ['public-task', 'legal-obligation', 'consent', 'vital-interests', 'legitimate-interests', 'contract'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const LAWFUL_BASIS_WORDS: Record<LawfulBasis, string> = {
  'public-task': 'Public task (UK GDPR Art 6(1)(e))',
  'legal-obligation': 'Legal obligation (UK GDPR Art 6(1)(c))',
  consent: 'Consent (UK GDPR Art 6(1)(a))',
  'vital-interests': 'Vital interests (UK GDPR Art 6(1)(d))',
  'legitimate-interests': 'Legitimate interests (UK GDPR Art 6(1)(f))',
  contract: 'Contract (UK GDPR Art 6(1)(b))',
};


/** Recipients the AssetPlus share step names (forms/assetplus-share.form `shareWith`); agreements say which they cover. */
export const RECIPIENT_KINDS = ['secure-estate', 'social-care', 'police', 'health', 'school', 'other'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_WORDS: Record<RecipientKind, string> = {
  'secure-estate': 'Secure estate', 'social-care': 'Children’s social care', police: 'Police', health: 'Health', school: 'School', other: 'Another partner',
};

export interface AgreementTerms {
  partner: string;
  recipientKind: RecipientKind;
  purpose: string;
  sections: CaseSection[];
  lawfulBasis: LawfulBasis;
  /** Calendar dates (YYYY-MM-DD), both inclusive; the agreement is in force on every day between. */
  startDate: string;
  endDate: string;
  /** The council's reference for the signed agreement (its register number). */
  reference?: string;
}

export interface SharingAgreement extends AgreementTerms {
  id: string;
  /** 1 when made, +1 on every change; each version is kept (agreement history) and audited. */
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** The day (YYYY-MM-DD, UTC) of an instant: agreements run by calendar day. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

export function inForce(a: Pick<AgreementTerms, 'startDate' | 'endDate'>, at: Date): boolean {
  const day = dayOf(at);
  return a.startDate <= day && day <= a.endDate;
}

export type AgreementStatus = 'in-force' | 'not-yet' | 'ended';
export function agreementStatus(a: Pick<AgreementTerms, 'startDate' | 'endDate'>, at: Date): AgreementStatus {
  const day = dayOf(at);
  if (day < a.startDate) return 'not-yet';
  return day > a.endDate ? 'ended' : 'in-force';
}

/** Field errors of terms that cannot be right together (the request schema checks each field alone). */
export function agreementProblems(t: AgreementTerms): Record<string, string> {
  const errors: Record<string, string> = {};
  if (t.endDate < t.startDate) errors.endDate = 'End date must be the same as or after the start date';
  if (!t.sections.length) errors.sections = 'Choose at least one section the partner may receive';
  const unknown = t.sections.filter((s) => !isCaseSection(s));
  if (unknown.length) errors.sections = `There is no case section called ${unknown.join(', ')}: choose from the list`;
  return errors;
}

/** Only the sections both wanted and allowed, in the table's order. */
export const allowedSections = (wanted: readonly string[], allowed: readonly string[]): CaseSection[] =>
  orderSections(wanted.filter((s) => allowed.includes(s)));
