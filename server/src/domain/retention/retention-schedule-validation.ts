// Checks of a rule and of the schedule as a whole. Field errors travel as data beside their field; a
// clash between rules (two rules for one class of record, or a rule that contradicts itself) names both
// sides so the data officer can see which to change.
import type { FieldErrors } from '../errors';
import { RECORD_CLASS_LABELS, type RetentionRule, isRetentionBasis } from './retention-rule';

const MAX_YEARS = 100;

export interface RuleTerms {
  basis: unknown;
  years: unknown;
  basicRecordAfterYears?: unknown;
  roundToFinancialYearEnd: unknown;
}

const wholeYears = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_YEARS;

export function validateRuleTerms(terms: RuleTerms, reason: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!isRetentionBasis(terms.basis)) errors.basis = 'Choose what the period counts from: DOB, CASE or ACTION';
  if (!wholeYears(terms.years) || terms.years < 1) errors.years = `Enter a whole number of years from 1 to ${MAX_YEARS}`;
  const basic = terms.basicRecordAfterYears;
  if (basic !== undefined && basic !== null && (!wholeYears(basic) || basic < 1)) {
    errors.basicRecordAfterYears = `Enter a whole number of years from 1 to ${MAX_YEARS}, or leave it empty`;
  }
  if (typeof terms.roundToFinancialYearEnd !== 'boolean') errors.roundToFinancialYearEnd = 'Say whether to round to the end of the financial year';
  if (typeof reason !== 'string' || reason.trim().length < 5) errors.reason = 'Say why the rule changes (at least 5 characters)';
  else if (reason.length > 1000) errors.reason = 'Keep the reason under 1000 characters';
  return errors;
}

/** Every clash in a schedule, in words; empty when the rules fit together. */
export function scheduleClashes(rules: readonly RetentionRule[]): string[] {
  const clashes: string[] = [];
  const byClass = new Map<string, RetentionRule>();
  for (const rule of rules) {
    const other = byClass.get(rule.recordClass);
    if (other) {
      clashes.push(`Rules "${other.label}" (${other.id}) and "${rule.label}" (${rule.id}) both cover ${RECORD_CLASS_LABELS[rule.recordClass].toLowerCase()}: a record class may have one rule only`);
    } else byClass.set(rule.recordClass, rule);
    if (rule.basicRecordAfterYears !== undefined && rule.basicRecordAfterYears >= rule.years) {
      clashes.push(`Rule "${rule.label}" (${rule.id}) reduces to a basic record after ${rule.basicRecordAfterYears} years but deletes everything after ${rule.years}: the basic record must come first`);
    }
  }
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) clashes.push(`Two rules have the id ${rule.id}`);
    ids.add(rule.id);
  }
  return clashes;
}
