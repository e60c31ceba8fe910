// One call for the composition root (and feature tests) to register the job types that act on the case
// record or on other processes of the case: closing a case, the open-work check before it, publishing a
// message to the case's other processes, reading the child's date of birth for age-based deadlines and the
// warnings already given on an order (compliance & breach), the case's victims (each told of the closure) and
// whether a process such as an assessment is already running on the case (no second stream of the same work).
import type { CloseCaseDeps } from '../application/cases/close-case';
import type { CaseRepository } from '../ports/case-repository.port';
import type { WorkflowEngine } from '../ports/workflow-engine.port';
import { CASE_DATE_OF_BIRTH_JOB_TYPE, createCaseDateOfBirthJob } from './case-date-of-birth.job';
import { CHECK_OPEN_CASE_WORK_JOB_TYPE, CLOSE_CASE_JOB_TYPE, createCheckOpenCaseWorkJob, createCloseCaseJob } from './close-case.job';
import { CASE_WARNING_HISTORY_JOB_TYPE, createCaseWarningHistoryJob } from './case-warning-history.job';
import { PUBLISH_MESSAGE_JOB_TYPE, createPublishMessageJob } from './publish-message.job';
import { CASE_VICTIMS_JOB_TYPE, createCaseVictimsJob } from './case-victims.job';
import { CASE_PROCESS_RUNNING_JOB_TYPE, createCaseProcessRunningJob } from './case-process-running.job';

export interface CaseJobDeps {
  cases: Pick<CaseRepository, 'findById' | 'setOwnership'>;
  engine: CloseCaseDeps['engine'] & Pick<WorkflowEngine, 'publishMessage'>;
  audit?: CloseCaseDeps['audit'];
  now: () => Date;
  /** Refuses closing a restricted case (application/consent/case-guard.ts). */
  caseGuard?: CloseCaseDeps['caseGuard'];
}

export const CASE_JOB_TYPES = [CHECK_OPEN_CASE_WORK_JOB_TYPE, CLOSE_CASE_JOB_TYPE, PUBLISH_MESSAGE_JOB_TYPE, CASE_DATE_OF_BIRTH_JOB_TYPE, CASE_WARNING_HISTORY_JOB_TYPE, CASE_VICTIMS_JOB_TYPE, CASE_PROCESS_RUNNING_JOB_TYPE] as const;

export function registerCaseJobs(engine: Pick<WorkflowEngine, 'registerJobHandler'>, deps: CaseJobDeps): void {
  engine.registerJobHandler(CHECK_OPEN_CASE_WORK_JOB_TYPE, createCheckOpenCaseWorkJob(deps));
  engine.registerJobHandler(CLOSE_CASE_JOB_TYPE, createCloseCaseJob(deps));
  engine.registerJobHandler(PUBLISH_MESSAGE_JOB_TYPE, createPublishMessageJob(deps));
  engine.registerJobHandler(CASE_DATE_OF_BIRTH_JOB_TYPE, createCaseDateOfBirthJob(deps));
  engine.registerJobHandler(CASE_WARNING_HISTORY_JOB_TYPE, createCaseWarningHistoryJob(deps));
  engine.registerJobHandler(CASE_VICTIMS_JOB_TYPE, createCaseVictimsJob(deps));
  engine.registerJobHandler(CASE_PROCESS_RUNNING_JOB_TYPE, createCaseProcessRunningJob(deps));
}
