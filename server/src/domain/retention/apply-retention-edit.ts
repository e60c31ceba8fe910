// Builds the next version of the schedule from a data officer's change to one rule. Pure: storing it
// (and losing a race to another editor) is the repository's job. A change that would make two rules
// overlap or contradict each other is refused with the clash named.
import { NotFoundError, ValidationError } from '../errors';
import type { RetentionRule, RetentionSchedule } from './retention-rule';
import { type RuleTerms, scheduleClashes, validateRuleTerms } from './retention-schedule-validation';

export interface RetentionEditRequest extends RuleTerms {
  ruleId: string;
  reason: unknown;
  by: string;
  at: Date;
}

const terms = (r: RetentionRule) => ({
  basis: r.basis, years: r.years, roundToFinancialYearEnd: r.roundToFinancialYearEnd,
  ...(r.basicRecordAfterYears !== undefined ? { basicRecordAfterYears: r.basicRecordAfterYears } : {}),
});

export function applyRetentionEdit(current: RetentionSchedule, edit: RetentionEditRequest): RetentionSchedule {
  const existing = current.rules.find((r) => r.id === edit.ruleId);
  if (!existing) throw new NotFoundError(`No retention rule ${edit.ruleId}`, 'RETENTION_RULE_NOT_FOUND');
  const errors = validateRuleTerms(edit, edit.reason);
  if (Object.keys(errors).length) throw new ValidationError('The retention rule change is not valid', errors);

  const basic = edit.basicRecordAfterYears === null || edit.basicRecordAfterYears === undefined ? undefined : (edit.basicRecordAfterYears as number);
  const { basicRecordAfterYears: _old, ...rest } = existing;
  const changed: RetentionRule = {
    ...rest,
    basis: edit.basis as RetentionRule['basis'],
    years: edit.years as number,
    roundToFinancialYearEnd: edit.roundToFinancialYearEnd as boolean,
    ...(basic !== undefined ? { basicRecordAfterYears: basic } : {}),
  };
  if (JSON.stringify(terms(changed)) === JSON.stringify(terms(existing))) {
    throw new ValidationError('Nothing to change', { years: 'This is already the current rule' }, 'NO_CHANGE');
  }
  const rules = current.rules.map((r) => (r.id === existing.id ? changed : r));
  const clashes = scheduleClashes(rules);
  if (clashes.length) throw new ValidationError(`The schedule would not fit together: ${clashes.join('; ')}`, { years: clashes[0] }, 'RETENTION_RULES_CLASH');
  return {
    version: current.version + 1,
    rules,
    createdAt: edit.at.toISOString(),
    createdBy: edit.by,
    reason: (edit.reason as string).trim(),
    change: { ruleId: existing.id, kind: 'changed', before: terms(existing), after: terms(changed) },
  };
}
