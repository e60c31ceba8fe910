// When a case falls due for deletion under a rule, and why. Pure: the dry run and the tests call it with
// facts and a date. A rule counted from closure cannot fall due while the case is open.
import { addYears, endOfFinancialYear } from './financial-year';
import { BASIS_WORDS, type RetentionRule, dispositionCode } from './retention-rule';
import type { CaseRetentionFacts } from './record-class';

export type DueDate =
  | {
      kind: 'dated';
      ruleId: string;
      code: string;
      /** The date the period counts from, and what it is. */
      anchorOn: string;
      anchor: string;
      /** Deletion is due at the start of this day. */
      dueOn: string;
      basicRecordOn?: string;
    }
  | { kind: 'undated'; ruleId: string; code: string; why: string };

function anchorOf(rule: RetentionRule, facts: CaseRetentionFacts): string | undefined {
  if (rule.basis === 'DOB') return facts.dateOfBirth;
  if (rule.basis === 'CASE') return facts.status === 'closed' ? facts.closedOn ?? facts.lastActivityOn : undefined;
  return facts.lastActivityOn;
}

function after(anchorOn: string, years: number, round: boolean): string {
  const plain = addYears(anchorOn, years);
  return round ? endOfFinancialYear(plain) : plain;
}

export function retentionDueDate(rule: RetentionRule, facts: CaseRetentionFacts): DueDate {
  const code = dispositionCode(rule);
  const anchorOn = anchorOf(rule, facts);
  if (!anchorOn) {
    const why = rule.basis === 'CASE' && facts.status !== 'closed'
      ? 'The case is still open: the period counts from its closure'
      : `The case has no ${BASIS_WORDS[rule.basis].replace(/^the /, '')} recorded`;
    return { kind: 'undated', ruleId: rule.id, code, why };
  }
  return {
    kind: 'dated',
    ruleId: rule.id,
    code,
    anchorOn,
    anchor: BASIS_WORDS[rule.basis],
    dueOn: after(anchorOn, rule.years, rule.roundToFinancialYearEnd),
    ...(rule.basicRecordAfterYears !== undefined
      ? { basicRecordOn: after(anchorOn, rule.basicRecordAfterYears, rule.roundToFinancialYearEnd) } : {}),
  };
}

/** Due when the due date is today or earlier (civil dates compare as strings). */
export const isDue = (due: DueDate, today: string): boolean => due.kind === 'dated' && due.dueOn <= today;
