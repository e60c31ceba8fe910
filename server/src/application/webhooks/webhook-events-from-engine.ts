// Turns the engine's own events into case events for subscribers (domain/webhooks/webhook-event.ts says which
// steps count). The engine's events are the existing domain events, so processes and use cases stay unaware
// of webhooks. Whatever is not one of those steps returns at once, with no read.
import { eventOfInstance, eventOfTask } from '../../domain/webhooks/webhook-event';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { EngineEvent, WorkflowEngine } from '../../ports/workflow-engine.port';
import type { CaseEvent } from './emit-webhook-event';

export interface EngineEventDeps {
  engine: Pick<WorkflowEngine, 'getInstance'>;
  cases: Pick<CaseRepository, 'findById'>;
}

const caseIdOf = (variables: Record<string, unknown> | undefined): string | undefined =>
  typeof variables?.caseId === 'string' && variables.caseId ? variables.caseId : undefined;

export async function caseEventOf(deps: EngineEventDeps, e: EngineEvent): Promise<CaseEvent | undefined> {
  if (e.type === 'user-task.created' || e.type === 'user-task.completed') {
    const type = eventOfTask(e.type === 'user-task.created' ? 'created' : 'completed', e.task.processId, e.task.elementId);
    if (!type) return undefined;
    const caseId = caseIdOf((await deps.engine.getInstance(e.task.instanceKey))?.variables);
    return caseId ? { id: `${type}:${e.task.key}`, type, caseId } : undefined;
  }
  if (e.type === 'instance.completed') {
    const type = eventOfInstance(e.processId);
    if (!type) return undefined;
    const caseId = caseIdOf((await deps.engine.getInstance(e.instanceKey))?.variables);
    // A closure that ended without closing (the case manager kept it open) is no event.
    if (!caseId || (await deps.cases.findById(caseId))?.status !== 'closed') return undefined;
    return { id: `${type}:${e.instanceKey}`, type, caseId };
  }
  return undefined;
}
