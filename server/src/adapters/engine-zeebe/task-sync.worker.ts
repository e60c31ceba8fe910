// The task-sync listener worker: every Zeebe user-task transition (creating, assigning, updating, completing,
// canceling) runs our listener job last (task-sync-listeners.ts). The worker turns it into the port's engine
// event, whose listeners upsert the task queue idempotently (project-engine-event.ts), and only then
// completes the job, so the transition never happens unseen: a crash before completion re-delivers the job.
/* eslint-disable @typescript-eslint/no-explicit-any -- activated job records are read field by field */
import type { EngineEvent, JobOutcome, UserTaskView } from '../../ports/workflow-engine.port';
import type { ProcessDefinitions } from './process-definitions';
import { toTaskView } from './zeebe-mapping';

export interface TaskSyncDeps {
  definitions: ProcessDefinitions;
  emit: (e: EngineEvent) => Promise<void>;
  now: () => Date;
  /** Who asked for a change this server sent (Zeebe's listener job does not say). */
  actorOf: (taskKey: string) => string | undefined;
}

export class TaskSyncWorker {
  /** The last view of each open task seen here, and when: later transitions carry only what changed. */
  private readonly views = new Map<string, { view: UserTaskView; seenAt: number }>();

  constructor(private readonly deps: TaskSyncDeps) {}

  known(taskKey: string): UserTaskView | undefined { return this.views.get(taskKey)?.view; }

  /** How many open tasks' views are held (they are let go when the task closes, or by prune). */
  get held(): number { return this.views.size; }

  remember(view: UserTaskView): void {
    if (view.state === 'open') this.views.set(view.key, { view, seenAt: this.deps.now().getTime() });
    else this.views.delete(view.key);
  }

  /**
   * Lets go of the views of tasks the cluster no longer lists as open (their closing job ran on another
   * server), so the views do not grow without bound. Only views seen before `seenBefore`: a task created a
   * moment ago may not be in the search yet. Returns how many were let go.
   */
  prune(open: ReadonlySet<string>, seenBefore: number): number {
    let pruned = 0;
    for (const [key, { seenAt }] of this.views) {
      if (!open.has(key) && seenAt < seenBefore) { this.views.delete(key); pruned++; }
    }
    return pruned;
  }

  handle = async (raw: any): Promise<JobOutcome> => {
    const u = raw.userTask ?? {};
    const key = String(u.userTaskKey ?? '');
    if (!key) return { kind: 'complete' }; // not a user-task listener job: nothing to mirror
    const view = { ...(this.known(key) ?? await this.fromJob(raw, key)), ...taskAttributes(u) };
    const by = this.deps.actorOf(key);
    switch (raw.listenerEventType) {
      case 'CREATING':
        this.remember(view);
        await this.deps.emit({ type: 'user-task.created', task: view });
        break;
      case 'ASSIGNING':
        this.remember(view);
        await this.deps.emit({ type: 'user-task.assigned', task: view, changedAttributes: ['assignee'], ...(by ? { by } : {}) });
        break;
      case 'UPDATING':
        this.remember(view);
        await this.deps.emit({ type: 'user-task.updated', task: view, changedAttributes: u.changedAttributes ?? [], ...(by ? { by } : {}) });
        break;
      case 'COMPLETING': {
        // Who asked is known only to the server that sent the command; the job may run on another (shared
        // topology). A task is completed by its assignee (claimed to be completed), so that is who did it.
        const completedBy = by ?? view.assignee;
        const done: UserTaskView = { ...view, state: 'completed', completedAt: this.deps.now().toISOString(), ...(completedBy ? { completedBy } : {}) };
        this.remember(done);
        await this.deps.emit({ type: 'user-task.completed', task: done });
        break;
      }
      case 'CANCELING': {
        const gone: UserTaskView = { ...view, state: 'cancelled' };
        this.remember(gone);
        await this.deps.emit({ type: 'user-task.cancelled', task: gone });
        break;
      }
    }
    return { kind: 'complete' };
  };

  /** The view of a task this server has not seen yet: its listener job's record, read as the search's. */
  private async fromJob(raw: any, key: string): Promise<UserTaskView> {
    const info = await this.deps.definitions.element(String(raw.processDefinitionKey), raw.processDefinitionId, raw.elementId);
    return toTaskView({
      ...raw.userTask, userTaskKey: key, processInstanceKey: raw.processInstanceKey, processDefinitionId: raw.processDefinitionId,
      processDefinitionVersion: raw.processDefinitionVersion, elementId: raw.elementId, name: info.name, creationDate: this.deps.now().toISOString(), state: 'CREATED',
    }, info);
  }
}

/** The task's attributes as the listener job states them (the values the transition is about to set). */
function taskAttributes(u: any): Partial<UserTaskView> {
  const out: Partial<UserTaskView> = {};
  if (Array.isArray(u.candidateGroups)) out.candidateGroups = u.candidateGroups;
  if (Array.isArray(u.candidateUsers)) out.candidateUsers = u.candidateUsers;
  if ('assignee' in u) out.assignee = u.assignee || undefined;
  if ('dueDate' in u) out.dueDate = u.dueDate || undefined;
  if ('followUpDate' in u) out.followUpDate = u.followUpDate || undefined;
  if (typeof u.priority === 'number') out.priority = u.priority;
  return out;
}
