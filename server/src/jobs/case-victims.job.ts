// Job type "case-victims": makes `victimIds` (the ids of the case's victims) a process variable, so the case
// closure can tell EVERY victim that the intervention ended. In Camunda 8 a published message is correlated to
// one waiting subscription of a process (docs.camunda.io, "Message events" / message correlation: 1:1; a signal
// reaches many but carries no key), so one "intervention-ended" keyed by caseId would reach one victim contact
// instance of two. The closure therefore publishes one message per victim, keyed by the victim's item id, and
// victim contact waits on `=victim.id`.
// The ids come from two places, merged and without repeats:
//  - the items of the case's victims.victims collection (every victim the service has recorded);
//  - the running instances of the process named by the header `processId` (victim-contact) on this case: their
//    `victim.id`, else the start variable `victimId` — a victim whose first form is not completed yet has no
//    item, but their contact still goes on after the closure and must hear of it (the message is kept, TTL).
// Only ids leave the case record: no victim's name or choices become variables of the closure.
import { isItemId } from '../domain/cases/case-collections';
import type { CaseRepository } from '../ports/case-repository.port';
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';
import { runningInstancesOfCase, type RunningInstancesEngine } from '../application/cases/running-case-instances';

export const CASE_VICTIMS_JOB_TYPE = 'case-victims';

const isId = isItemId;

export interface CaseVictimsDeps {
  cases: Pick<CaseRepository, 'findById'>;
  engine: RunningInstancesEngine & Pick<WorkflowEngine, 'getInstance'>;
}

/** The victim an instance works on: the item id its forms amend, else the one it was started for. */
function victimOf(variables: Record<string, unknown> | undefined): string | undefined {
  const victim = variables?.victim as { id?: unknown } | undefined;
  if (isId(victim?.id)) return victim.id;
  return isId(variables?.victimId) ? variables.victimId : undefined;
}

export function createCaseVictimsJob(deps: CaseVictimsDeps): JobHandler {
  return async (job) => {
    const caseId = job.variables.caseId;
    if (typeof caseId !== 'string' || !caseId) return { kind: 'fail', message: 'No caseId to read the victims of', retries: 0 };
    const record = await deps.cases.findById(caseId);
    if (!record) return { kind: 'fail', message: `Case "${caseId}" not found`, retries: 0 };
    const ids = (record.sections.victims?.collections?.victims ?? []).map((v) => v.id).filter(isId);
    const processId = job.headers.processId;
    if (processId) {
      for (const instance of await runningInstancesOfCase(deps.engine, processId, caseId)) {
        const id = victimOf((await deps.engine.getInstance(instance.key))?.variables);
        if (id) ids.push(id);
      }
    }
    return { kind: 'complete', variables: { victimIds: [...new Set(ids)] } };
  };
}
