// Job type "case-date-of-birth": makes `dateOfBirth` a process variable, for deadlines counted from the
// child's birth (transition to probation at 17½). A start variable wins (a process started for a person
// whose record is not yet complete); otherwise it is read from the case's personal details.
import type { CaseRepository } from '../ports/case-repository.port';
import type { JobHandler } from '../ports/workflow-engine.port';

export const CASE_DATE_OF_BIRTH_JOB_TYPE = 'case-date-of-birth';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v));

export function createCaseDateOfBirthJob(deps: { cases: Pick<CaseRepository, 'findById'> }): JobHandler {
  return async (job) => {
    if (isDate(job.variables.dateOfBirth)) return { kind: 'complete' };
    const caseId = job.variables.caseId;
    if (typeof caseId !== 'string' || !caseId) return { kind: 'fail', message: 'No dateOfBirth and no caseId to read it from', retries: 0 };
    const record = await deps.cases.findById(caseId);
    const dob = record?.identity.dateOfBirth;
    // No date on the record will not fix itself by retrying: an incident, resolved once the date is entered.
    if (!isDate(dob)) return { kind: 'fail', message: `Case "${caseId}" has no date of birth: record it, then retry`, retries: 0 };
    return { kind: 'complete', variables: { dateOfBirth: dob.slice(0, 10) } };
  };
}
