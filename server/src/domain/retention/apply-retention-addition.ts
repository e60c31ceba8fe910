// A data officer adds a rule (a council that splits a class, or a class the defaults left out). The new
// rule must not cover a class another rule covers: the clash is refused at save, naming both rules.
import { ValidationError } from '../errors';
import { type RetentionRule, type RetentionSchedule, isRecordClass } from './retention-rule';
import { type RuleTerms, scheduleClashes, validateRuleTerms } from './retention-schedule-validation';

export interface RetentionAdditionRequest extends RuleTerms {
  id: unknown;
  recordClass: unknown;
  label: unknown;
  source: unknown;
  reason: unknown;
  by: string;
  at: Date;
}

const RULE_ID = /^[a-z][a-z0-9-]{2,60}$/;
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

export function applyRetentionAddition(current: RetentionSchedule, add: RetentionAdditionRequest): RetentionSchedule {
  const errors = validateRuleTerms(add, add.reason);
  if (typeof add.id !== 'string' || !RULE_ID.test(add.id)) errors.id = 'Use 3 to 60 lower-case letters, digits and hyphens, starting with a letter';
  if (!isRecordClass(add.recordClass)) errors.recordClass = 'Choose a record class from the list';
  if (!text(add.label, 200)) errors.label = 'Enter a name for the rule (up to 200 characters)';
  if (!text(add.source, 1000)) errors.source = 'Say where the rule comes from (up to 1000 characters)';
  if (Object.keys(errors).length) throw new ValidationError('The new retention rule is not valid', errors);

  const basic = add.basicRecordAfterYears === null || add.basicRecordAfterYears === undefined ? undefined : (add.basicRecordAfterYears as number);
  const rule: RetentionRule = {
    id: add.id as string,
    recordClass: add.recordClass as RetentionRule['recordClass'],
    label: (add.label as string).trim(),
    basis: add.basis as RetentionRule['basis'],
    years: add.years as number,
    ...(basic !== undefined ? { basicRecordAfterYears: basic } : {}),
    roundToFinancialYearEnd: add.roundToFinancialYearEnd as boolean,
    source: (add.source as string).trim(),
    verified: false,
  };
  const rules = [...current.rules, rule];
  const clashes = scheduleClashes(rules);
  if (clashes.length) throw new ValidationError(`The schedule would not fit together: ${clashes.join('; ')}`, { recordClass: clashes[0] }, 'RETENTION_RULES_CLASH');
  const { basis, years, roundToFinancialYearEnd } = rule;
  return {
    version: current.version + 1,
    rules,
    createdAt: add.at.toISOString(),
    createdBy: add.by,
    reason: (add.reason as string).trim(),
    change: { ruleId: rule.id, kind: 'added', after: { basis, years, roundToFinancialYearEnd, ...(basic !== undefined ? { basicRecordAfterYears: basic } : {}) } },
  };
}
