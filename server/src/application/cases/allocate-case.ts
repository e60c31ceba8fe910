// Makes an allocation real: the case record names its allocated worker (caseManagerId) and its open
// case-manager work goes to them — tasks still in the team queue, and those the previous allocated worker
// held (a colleague's claimed task is theirs to finish or hand back). Tasks created later follow the
// record (route-to-allocated-worker.ts). Used by the allocation forms' completion (finish-completion.ts,
// so a retry or start-up recovery finishes it) and by a team manager's re-allocation from the case page.
// Idempotent: a second run finds the record and the tasks already moved, and the audit event is keyed.
import type { AuditActor } from '../../domain/audit/audit-event';
import { CASE_MANAGER_ROLE, isCaseManagerWork } from '../../domain/cases/allocation';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { CaseAuditSink } from './case-access';
import { assignInEngine, type AssignEngine } from '../tasks/claim-task';

export interface AllocateCaseDeps {
  cases: Pick<CaseRepository, 'findById' | 'setOwnership'>;
  tasks: Pick<TaskRepository, 'search' | 'reassign'>;
  engine: AssignEngine;
  clock: Clock;
  audit?: CaseAuditSink;
}

export interface Allocation {
  caseId: string;
  toUserId: string;
  /** Names the audit event so a retried completion records it once (`<submissionId>:case.allocate`). */
  key?: string;
  reason?: string;
  /** Where it came from, for the audit: the allocation task's submission, or the case page. */
  via: 'task' | 'case-page';
}

/** Returns the ids of the open tasks moved to the allocated worker. */
export async function allocateCase(deps: AllocateCaseDeps, actor: AuditActor, a: Allocation): Promise<string[]> {
  const record = await deps.cases.findById(a.caseId);
  if (!record) return [];
  const previous = record.caseManagerId;
  if (previous !== a.toUserId) await deps.cases.setOwnership(a.caseId, { caseManagerId: a.toUserId });
  // The case-manager work of the case's team, narrowed to the case: answered from the queue's in-memory
  // buckets on a single server (a filter on caseId alone would decode every task row on FerretDB).
  const open = await deps.tasks.search(
    { state: 'open', caseId: a.caseId, candidateGroupsAny: [CASE_MANAGER_ROLE], teamsAny: [record.team] },
    { field: 'createdAt', direction: 'asc' }, { offset: 0, limit: 500 },
  );
  const movable = open.items.filter((t) => isCaseManagerWork(t) && t.assignee !== a.toUserId && (!t.assignee || t.assignee === previous));
  const moved: string[] = [];
  const at = deps.clock.now().toISOString();
  for (const task of movable) {
    await deps.tasks.reassign(task.id, a.toUserId, at);
    try {
      await assignInEngine(deps.engine, task.id, a.toUserId, { by: actor.id, action: 'assign', verb: 'Allocating' },
        () => deps.tasks.reassign(task.id, task.assignee, task.claimedAt ?? at));
      moved.push(task.id);
    } catch {
      // The process refused or was busy: the task stays where the engine has it (undone above); the others move.
    }
  }
  if (a.key || previous !== a.toUserId || moved.length) { // keyed: a retry's event is stored once
    await deps.audit?.record({
      ...(a.key ? { key: a.key } : {}),
      actor, action: 'case.allocate', recordType: 'case', recordId: a.caseId,
      before: { caseManagerId: previous ?? null }, after: { caseManagerId: a.toUserId, via: a.via, reassignedTasks: moved },
      ...(a.reason ? { reason: a.reason } : {}),
    });
  }
  return moved;
}
