// Job type "case-process-running": sets a boolean process variable saying whether another process is already
// running on this case — so a process does not start a second stream of the same work. Used by yro-supervision:
// intake starts an AssetPlus assessment from the order date alongside the order's supervision, and supervision
// then records only the sentence plan instead of assessing the child again. Headers:
//   processId  the process to look for (required), e.g. assetplus-assessment
//   variable   the boolean variable to set (required), e.g. assessmentStarted
// A start variable that is already true wins: the caller knows it started that work (intake passes
// assessmentStarted), even if the assessment has finished by the time this job runs. Otherwise the variable is
// always set, true or false: the engine (as Zeebe with strict expressions) refuses a condition on a missing one.
import type { JobHandler } from '../ports/workflow-engine.port';
import { runningInstancesOfCase, type RunningInstancesEngine } from '../application/cases/running-case-instances';

export const CASE_PROCESS_RUNNING_JOB_TYPE = 'case-process-running';

export function createCaseProcessRunningJob(deps: { engine: RunningInstancesEngine }): JobHandler {
  return async (job) => {
    const { processId, variable } = job.headers;
    if (!processId || !variable) return { kind: 'fail', message: 'Set the task headers "processId" and "variable"', retries: 0 };
    if (job.variables[variable] === true) return { kind: 'complete' };
    const caseId = job.variables.caseId;
    if (typeof caseId !== 'string' || !caseId) return { kind: 'complete', variables: { [variable]: false } };
    const running = await runningInstancesOfCase(deps.engine, processId, caseId);
    return { kind: 'complete', variables: { [variable]: running.some((i) => i.key !== job.instanceKey) } };
  };
}
