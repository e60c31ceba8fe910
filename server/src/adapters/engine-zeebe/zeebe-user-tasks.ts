// User-task commands and reads through /v2/user-tasks. Zeebe answers a command once the transition and its
// listeners are done, so `applied` here means what the port means; a listener's denial comes back as 409.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { UserTaskChangeResult, UserTaskChanges, UserTaskView, Variables } from '../../ports/workflow-engine.port';
import { TaskChangeDeniedError } from '../../ports/workflow-engine.port';
import type { ProcessDefinitions } from './process-definitions';
import { detailOf } from './zeebe-deployer';
import { NOW, statusOf, type ZeebeApi } from './zeebe-client';
import { TASK_STATE_FILTER, toTaskView } from './zeebe-mapping';

export class ZeebeUserTasks {
  /** Who asked for the transition of a task this server is changing (the listener worker reads it). */
  readonly actors = new Map<string, string>();

  constructor(private readonly api: ZeebeApi, private readonly definitions: ProcessDefinitions) {}

  async complete(taskKey: string, variables: Variables, by: string): Promise<void> {
    const task = await this.get(taskKey);
    if (!task) throw new NotFoundError(`user task '${taskKey}' not found`, 'TASK_NOT_FOUND');
    if (task.state !== 'open') return; // completing twice completes once
    await this.command(taskKey, by, 'Completing', () => this.api.completeUserTask({ userTaskKey: taskKey, variables } as never));
  }

  async assign(taskKey: string, assignee: string | null, by: string, action?: string): Promise<UserTaskChangeResult> {
    await this.command(taskKey, by, 'Assigning', () => (assignee === null
      ? this.api.unassignUserTask({ userTaskKey: taskKey } as never)
      : this.api.assignUserTask({ userTaskKey: taskKey, assignee, allowOverride: true, ...(action ? { action } : {}) } as never)));
    return { status: 'applied', task: await this.get(taskKey) };
  }

  async update(taskKey: string, changes: UserTaskChanges, by: string, action?: string): Promise<UserTaskChangeResult> {
    const current = await this.get(taskKey);
    if (!current) throw new NotFoundError(`user task '${taskKey}' not found`, 'TASK_NOT_FOUND');
    // The specification defaults an omitted priority to 50: always send the one meant.
    const changeset = { ...changes, priority: changes.priority ?? current.priority };
    await this.command(taskKey, by, 'Updating', () => this.api.updateUserTask({ userTaskKey: taskKey, changeset, ...(action ? { action } : {}) } as never));
    return { status: 'applied', task: await this.get(taskKey) };
  }

  async get(taskKey: string): Promise<UserTaskView | undefined> {
    try {
      return await this.view(await this.api.getUserTask({ userTaskKey: taskKey } as never, NOW));
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  async list(filter: { instanceKey?: string; state?: UserTaskView['state'] } = {}): Promise<UserTaskView[]> {
    const items: any[] = [];
    for (let from = 0; ; from += 1000) {
      const res: any = await this.api.searchUserTasks({
        filter: { ...(filter.instanceKey ? { processInstanceKey: filter.instanceKey } : {}), ...(filter.state ? { state: TASK_STATE_FILTER[filter.state] } : {}) },
        page: { from, limit: 1000 },
      } as never, NOW);
      items.push(...(res.items ?? []));
      if ((res.items ?? []).length < 1000) break;
    }
    return Promise.all(items.map((t) => this.view(t)));
  }

  private async view(t: any): Promise<UserTaskView> {
    const info = t.processDefinitionKey ? await this.definitions.element(String(t.processDefinitionKey), t.processDefinitionId, t.elementId) : undefined;
    return toTaskView(t, { formId: info?.formId, headers: info?.headers });
  }

  private async command(taskKey: string, by: string, what: string, send: () => Promise<unknown>): Promise<void> {
    this.actors.set(taskKey, by);
    try {
      await send();
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) throw new NotFoundError(`user task '${taskKey}' not found`, 'TASK_NOT_FOUND');
      if (status === 409) {
        const detail = detailOf(e);
        if (/denied|rejected by.*listener/i.test(detail)) throw new TaskChangeDeniedError(detail, what);
        throw new ConflictError(`${what} the task is not possible now: ${detail}`, 'TASK_BUSY');
      }
      throw e;
    } finally {
      this.actors.delete(taskKey);
    }
  }
}
