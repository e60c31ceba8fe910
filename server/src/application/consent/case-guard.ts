// The one place that says whether work on a case may go on, asked by every use case that changes a case or
// its work (start a process, complete a task, amend a section, save a draft). Two reasons to refuse:
// - the case's processing is restricted (only the DPO may change it: domain/consent/case-restriction.ts);
// - the work rests on a consent that was withdrawn (the purpose the BPMN declares:
//   domain/consent/purpose-declarations.ts; one victim's withdrawal stops that victim's work only).
// Both refusals are ConflictErrors (409) naming the reason, so the person knows what to do next.
import { ConflictError } from '../../domain/errors';
import { mayWriteRestricted, restrictedMessage, type CaseRestriction } from '../../domain/consent/case-restriction';
import { subjectFrom, type ProcessPurposes, type PurposeDeclaration } from '../../domain/consent/purpose-declarations';
import { withdrawalMessage, withdrawalStopping } from '../../domain/consent/consent-state';
import type { ConsentRepository } from '../../ports/consent-repository.port';
import type { Variables, WorkflowEngine } from '../../ports/workflow-engine.port';

export interface CaseGuard {
  /** Refuses (409 CASE_RESTRICTED) a change to a restricted case by anyone but the DPO. */
  assertMayChange(actor: { roles: readonly string[] }, caseId: string | undefined, what: string): Promise<void>;
  /** The same check as data, for callers that answer with a result rather than an error (the close-case job). */
  restrictionRefusal(actor: { roles: readonly string[] }, caseId: string | undefined, what: string): Promise<string | undefined>;
  /** The case's restriction while it stands (the DPO's reach to correct it: cases/case-access.ts). */
  activeRestriction(caseId: string): Promise<CaseRestriction | undefined>;
  /** Refuses (409 CONSENT_WITHDRAWN) starting a process whose declared purpose was withdrawn for the case. */
  assertMayStart(caseId: string, processId: string, variables: Variables): Promise<void>;
  /** Refuses (409 CONSENT_WITHDRAWN) completing a task whose declared purpose was withdrawn (for its subject). */
  assertMayComplete(task: { caseId?: string; processId: string; processVersion: number; elementId: string }, variables: Variables | undefined): Promise<void>;
}

export interface CaseGuardDeps {
  consents: Pick<ConsentRepository, 'listForCase' | 'restrictionOf'>;
  engine: Pick<WorkflowEngine, 'getDeploymentResource' | 'listDeployments'>;
  readPurposes(xml: string, processId: string): Promise<ProcessPurposes>;
}

export function createCaseGuard(deps: CaseGuardDeps): CaseGuard {
  // A deployed version never changes, so its declarations are read once.
  const cache = new Map<string, Promise<ProcessPurposes>>();
  const purposesOf = (processId: string, version: number): Promise<ProcessPurposes> => {
    const key = `${processId}@${version}`;
    let found = cache.get(key);
    if (!found) {
      found = deps.engine.getDeploymentResource(processId, version)
        .then((xml) => (xml ? deps.readPurposes(xml, processId) : { tasks: {} }));
      found.catch(() => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  };

  const refuseIfWithdrawn = async (caseId: string, declared: PurposeDeclaration | undefined, variables: Variables | undefined, what: string) => {
    if (!declared) return;
    const subject = subjectFrom(variables, declared.subjectVariable);
    const stopping = withdrawalStopping(await deps.consents.listForCase(caseId), declared.purpose, subject);
    if (stopping) throw new ConflictError(withdrawalMessage(stopping, what), 'CONSENT_WITHDRAWN');
  };

  const restrictionRefusal: CaseGuard['restrictionRefusal'] = async (actor, caseId, what) => {
    if (!caseId) return undefined;
    const restriction = await deps.consents.restrictionOf(caseId);
    return restriction && !mayWriteRestricted(restriction, actor.roles) ? restrictedMessage(restriction, what) : undefined;
  };

  return {
    restrictionRefusal,
    async activeRestriction(caseId) {
      const restriction = await deps.consents.restrictionOf(caseId);
      return restriction?.active ? restriction : undefined;
    },
    async assertMayChange(actor, caseId, what) {
      const refusal = await restrictionRefusal(actor, caseId, what);
      if (refusal) throw new ConflictError(refusal, 'CASE_RESTRICTED');
    },
    async assertMayStart(caseId, processId, variables) {
      const [latest] = await deps.engine.listDeployments(processId);
      if (!latest) return; // the engine refuses an unknown process with its own message
      await refuseIfWithdrawn(caseId, (await purposesOf(processId, latest.version)).process, variables, `start ${processId}`);
    },
    async assertMayComplete(task, variables) {
      if (!task.caseId) return;
      const declared = (await purposesOf(task.processId, task.processVersion)).tasks[task.elementId];
      await refuseIfWithdrawn(task.caseId, declared, variables, 'complete this task');
    },
  };
}
