// A retention rule says how long one class of record is kept, as councils write it: a disposition code
// (`DOB+25`, `CASE+6`, `ACTION+3`), optionally "reduce to a basic record after N years" first, and
// optionally rounded to the end of the financial year. The schedule is configuration with its sources
// beside each rule (domain.md "Retention schedules as councils write them"); a council edits it.

/** What a case is, for retention. One class per case: see record-class.ts for how it is chosen. */
export const RECORD_CLASSES = [
  'sexual-offence', 'court-order', 'referral-order', 'out-of-court-or-prevention', 'unsuccessful-referral', 'victim-record',
] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

export const RECORD_CLASS_LABELS: Record<RecordClass, string> = {
  'sexual-offence': 'Sexual offences',
  'court-order': 'Statutory court orders',
  'referral-order': 'Referral orders',
  'out-of-court-or-prevention': 'Out-of-court disposals and prevention cases',
  'unsuccessful-referral': 'Referrals that did not lead to work',
  'victim-record': 'Victim records',
};

/** What the period counts from: date of birth, the whole case's closure, or the last activity on it. */
export const RETENTION_BASES = ['DOB', 'CASE', 'ACTION'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

export const BASIS_WORDS: Record<RetentionBasis, string> = {
  DOB: 'the date of birth',
  CASE: 'the date the case closed',
  ACTION: 'the last activity on the case',
};

export interface RetentionRule {
  /** kebab-case, stable: a tombstone and the audit name the rule an erasure applied. */
  id: string;
  recordClass: RecordClass;
  label: string;
  basis: RetentionBasis;
  /** Full deletion this many years after the basis date. */
  years: number;
  /** "Reduce to a basic record after N years" (court orders: 3), before full deletion. */
  basicRecordAfterYears?: number;
  /** Round the due date up to the end of the financial year (31 March) it falls in. */
  roundToFinancialYearEnd: boolean;
  /** Where the rule comes from, in words. */
  source: string;
  /** False until someone has checked the source says exactly this. */
  verified: boolean;
}

export interface RetentionRuleChange {
  ruleId: string;
  kind: 'changed' | 'added';
  before?: Pick<RetentionRule, 'basis' | 'years' | 'basicRecordAfterYears' | 'roundToFinancialYearEnd'>;
  after: Pick<RetentionRule, 'basis' | 'years' | 'basicRecordAfterYears' | 'roundToFinancialYearEnd'>;
}

/** One immutable version of the whole schedule. Version 1 is the shipped file; each edit appends the next. */
export interface RetentionSchedule {
  version: number;
  rules: RetentionRule[];
  createdAt: string;
  createdBy: string;
  reason: string;
  change?: RetentionRuleChange;
}

/** `CASE+6`, with the basic-record step and the rounding in words after it. */
export function dispositionCode(rule: Pick<RetentionRule, 'basis' | 'years'>): string {
  return `${rule.basis}+${rule.years}`;
}

export function describeRule(rule: RetentionRule): string {
  const basic = rule.basicRecordAfterYears !== undefined
    ? `reduced to a basic record ${rule.basicRecordAfterYears} years after ${BASIS_WORDS[rule.basis]}, then ` : '';
  const round = rule.roundToFinancialYearEnd ? ', at the end of that financial year' : '';
  return `${basic}deleted ${rule.years} years after ${BASIS_WORDS[rule.basis]}${round} (${dispositionCode(rule)})`;
}

export const isRecordClass = (v: unknown): v is RecordClass => typeof v === 'string' && (RECORD_CLASSES as readonly string[]).includes(v);
export const isRetentionBasis = (v: unknown): v is RetentionBasis => typeof v === 'string' && (RETENTION_BASES as readonly string[]).includes(v);
