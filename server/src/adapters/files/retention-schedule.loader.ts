// Reads processes/retention-schedule.json (version 1 of the schedule) and refuses a malformed or
// self-contradicting file at start-up, naming the rule and the problem.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../domain/errors';
import {
  type RetentionRule, isRecordClass, scheduleClashes, validateRuleTerms,
} from '../../domain/retention';

export function parseRetentionSchedule(text: string, fileName = 'retention-schedule.json'): RetentionRule[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${fileName} is not valid JSON: ${(e as Error).message}`);
  }
  const list = (json as { rules?: unknown })?.rules;
  if (!Array.isArray(list) || !list.length) throw new ValidationError(`${fileName} has no rules`, {}, 'INVALID_RETENTION_FILE');
  const rules = list.map((raw, i) => {
    const r = raw as Record<string, unknown>;
    const errors = validateRuleTerms(r as never, 'shipped default');
    if (typeof r.id !== 'string' || !r.id) errors.id = 'missing';
    if (!isRecordClass(r.recordClass)) errors.recordClass = 'unknown record class';
    if (typeof r.label !== 'string' || typeof r.source !== 'string') errors.source = 'label and source are required';
    if (Object.keys(errors).length) {
      const what = Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; ');
      throw new ValidationError(`${fileName}: rule ${String(r.id ?? i + 1)} is not valid: ${what}`, errors, 'INVALID_RETENTION_FILE');
    }
    return {
      id: r.id, recordClass: r.recordClass, label: r.label, basis: r.basis, years: r.years,
      ...(typeof r.basicRecordAfterYears === 'number' ? { basicRecordAfterYears: r.basicRecordAfterYears } : {}),
      roundToFinancialYearEnd: r.roundToFinancialYearEnd, source: r.source, verified: r.verified === true,
    } as RetentionRule;
  });
  const clashes = scheduleClashes(rules);
  if (clashes.length) throw new ValidationError(`${fileName}: ${clashes.join('; ')}`, {}, 'RETENTION_RULES_CLASH');
  return rules;
}

export async function loadRetentionSchedule(file: string): Promise<RetentionRule[]> {
  return parseRetentionSchedule(await readFile(file, 'utf8'), path.basename(file));
}
