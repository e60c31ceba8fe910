// Job types "check-open-case-work" and "close-case" of processes/case-closure.bpmn. Both read the same
// task headers, so the rule lives in the BPMN (a manager edits it in the modeller, no code change):
//   <zeebe:header key="cancel" value="plan-review" />            process ids the closure cancels
//   <zeebe:header key="leaveRunning" value="victim-contact" />   process ids that wait for the end message
//   <zeebe:header key="endMessage" value="intervention-ended" /> instances armed for it are left running too
// The check writes `openWork` (what blocks, what will be cancelled, what waits) and `openWorkCount` for the
// gateway; the close refuses with BPMN error "open-work" while anything blocks, else closes the case.
// On a restricted case (only the DPO may change it) the close fails with no retries: an incident whose
// message names the restriction. Not a BPMN error: nothing in the closure can settle a restriction (the
// "open-work" path would hand the manager a task their completion of is refused anyway), and an incident
// keeps the closure waiting exactly at the close, visible in the monitor; once the DPO lifts the
// restriction a manager retries it (resolving it is refused while the restriction stands).
import { closeCase, type CloseCaseDeps } from '../application/cases/close-case';
import { listOpenCaseWork, type ListOpenWorkInput, type OpenCaseWork } from '../application/cases/list-open-case-work';
import type { Job, JobHandler, JobOutcome } from '../ports/workflow-engine.port';

export const CHECK_OPEN_CASE_WORK_JOB_TYPE = 'check-open-case-work';
export const CLOSE_CASE_JOB_TYPE = 'close-case';
export const OPEN_WORK_ERROR_CODE = 'open-work';

const list = (v: string | undefined): string[] => (v ?? '').split(/[\s,]+/).filter(Boolean);

function workInput(job: Job): ListOpenWorkInput | string {
  const caseId = job.variables.caseId;
  if (typeof caseId !== 'string' || !caseId) return 'The closure has no caseId variable';
  return {
    caseId,
    closureInstanceKey: job.instanceKey,
    cancelProcessIds: list(job.headers.cancel),
    awaitingProcessIds: list(job.headers.leaveRunning),
    endMessage: job.headers.endMessage || undefined,
  };
}

/** Plain data for the process variables and the closure form's summary. */
const summary = (work: OpenCaseWork) => ({
  blocking: work.blocking.map((w) => w.processId),
  toCancel: work.toCancel.map((w) => w.processId),
  awaitingEnd: work.awaitingEnd.map((w) => w.processId),
});

const incident = (message: string): JobOutcome => ({ kind: 'fail', message, retries: 0 });

export function createCheckOpenCaseWorkJob(deps: Pick<CloseCaseDeps, 'engine'>): JobHandler {
  return async (job) => {
    const input = workInput(job);
    if (typeof input === 'string') return incident(input);
    const work = await listOpenCaseWork(deps.engine, input);
    return { kind: 'complete', variables: { openWork: summary(work), openWorkCount: work.blocking.length } };
  };
}

export function createCloseCaseJob(deps: CloseCaseDeps): JobHandler {
  return async (job) => {
    const input = workInput(job);
    if (typeof input === 'string') return incident(input);
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const result = await closeCase(deps, { ...input, closureReason: str(job.variables.closureReason), closureDate: str(job.variables.closureDate) });
    if (result.kind === 'not-found') return incident(`Case "${input.caseId}" does not exist`);
    if (result.kind === 'restricted') return incident(result.message);
    if (result.kind === 'blocked') {
      const blocking = result.blocking.map((w) => w.processId);
      return {
        kind: 'bpmnError',
        code: OPEN_WORK_ERROR_CODE,
        message: `Other work is still open on the case: ${blocking.join(', ')}`,
        variables: { openWork: { blocking, toCancel: [], awaitingEnd: [] }, openWorkCount: blocking.length },
      };
    }
    return { kind: 'complete', variables: { caseStatus: 'closed', cancelledAtClosure: result.cancelled.map((w) => w.processId) } };
  };
}
