// Builds the next policy version from an edit. Pure: storing it (and losing a race) is the repository's
// job. Field errors travel as data so the policy page can show each one beside its input.
import { ValidationError, type FieldErrors } from '../errors';
import type { EscalationPolicy, EscalationPolicyVersion, EscalationRule } from './escalation-policy';

export interface PolicyEdit {
  policy: EscalationPolicy;
  reason: string;
  by: string;
  at: Date;
}

const MAX_DAYS = 60;

function checkDays(errors: FieldErrors, path: string, value: unknown, optional: boolean): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DAYS) {
    errors[path] = `Enter a whole number of working days from 0 to ${MAX_DAYS}`;
  }
}

function checkRule(errors: FieldErrors, path: string, rule: Partial<EscalationRule>, optional: boolean): void {
  checkDays(errors, `${path}.reminderDaysBefore`, rule.reminderDaysBefore, optional);
  checkDays(errors, `${path}.level1AfterDays`, rule.level1AfterDays, optional);
  checkDays(errors, `${path}.level2AfterDays`, rule.level2AfterDays, optional);
  if (!(rule.overdueNotice === undefined && optional) && typeof rule.overdueNotice !== 'boolean') {
    errors[`${path}.overdueNotice`] = 'Choose yes or no';
  }
}

export function validatePolicy(policy: EscalationPolicy): FieldErrors {
  const errors: FieldErrors = {};
  checkRule(errors, 'defaults', policy.defaults ?? {}, false);
  const seen = new Set<string>();
  (policy.overrides ?? []).forEach((o, i) => {
    if (!o.processId || !/^[A-Za-z0-9_.-]{1,100}$/.test(o.processId)) errors[`overrides[${i}].processId`] = 'Name a process id';
    if (o.elementId !== undefined && !/^[A-Za-z0-9_.-]{1,100}$/.test(o.elementId)) errors[`overrides[${i}].elementId`] = 'Not a BPMN element id';
    const key = `${o.processId}/${o.elementId ?? ''}`;
    // Two overrides for the same target would make "which one applies" depend on list order.
    if (seen.has(key)) errors[`overrides[${i}]`] = 'This process/task already has an override';
    seen.add(key);
    checkRule(errors, `overrides[${i}].rule`, o.rule ?? {}, true);
  });
  return errors;
}

export function applyPolicyEdit(current: EscalationPolicyVersion, edit: PolicyEdit): EscalationPolicyVersion {
  const errors = validatePolicy(edit.policy);
  const reason = typeof edit.reason === 'string' ? edit.reason.trim() : '';
  if (reason.length < 3) errors.reason = 'Say why the policy changes (at least 3 characters)';
  if (Object.keys(errors).length) throw new ValidationError('The escalation policy is not valid', errors);
  const next: EscalationPolicy = {
    defaults: { ...edit.policy.defaults },
    overrides: edit.policy.overrides.map((o) => ({ processId: o.processId, ...(o.elementId ? { elementId: o.elementId } : {}), rule: { ...o.rule } })),
  };
  if (JSON.stringify(next) === JSON.stringify({ defaults: current.defaults, overrides: current.overrides })) {
    throw new ValidationError('Nothing to change', { reason: 'The policy is already like this' }, 'NO_CHANGE');
  }
  return { ...next, version: current.version + 1, createdAt: edit.at.toISOString(), createdBy: edit.by, reason };
}
