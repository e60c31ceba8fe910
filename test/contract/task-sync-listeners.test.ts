// What the Zeebe adapter deploys for the shipped processes: every Zeebe user task gets the task-sync listener
// for each transition, after the process's own listeners (they decide first), and nothing else changes.
import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { TASK_SYNC_EVENTS, TASK_SYNC_JOB_TYPE, withTaskSyncListeners } from '../../server/src/adapters/engine-zeebe/task-sync-listeners';
import { TaskSyncWorker } from '../../server/src/adapters/engine-zeebe/task-sync.worker';
import type { ProcessDefinitions } from '../../server/src/adapters/engine-zeebe/process-definitions';
import type { EngineEvent } from '../../server/src/ports/workflow-engine.port';

const dir = path.join(__dirname, '..', '..', 'processes');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort();

async function userTasks(xml: string): Promise<any[]> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
  const all = (e: any): any[] => [e, ...(e.flowElements ?? []).flatMap(all)];
  return (rootElement as any).rootElements.flatMap(all)
    .filter((e: any) => e.$type === 'bpmn:UserTask' && e.extensionElements?.values.some((v: any) => v.$type === 'zeebe:UserTask'));
}
const listenersOf = (t: any): any[] => t.extensionElements.values.find((v: any) => v.$type === 'zeebe:TaskListeners')?.listeners ?? [];

test.each(files)('%s: each user task gets the task-sync listener last for every transition; its own stay as they were', async (file) => {
  const xml = fs.readFileSync(path.join(dir, file), 'utf8');
  const before = await userTasks(xml);
  const after = await userTasks(await withTaskSyncListeners(xml));
  expect(after.map((t) => t.id)).toEqual(before.map((t) => t.id));
  after.forEach((t, i) => {
    const own = listenersOf(before[i]).map((l) => `${l.eventType}:${l.type}`);
    const listeners = listenersOf(t);
    expect(listeners.filter((l) => l.type !== TASK_SYNC_JOB_TYPE).map((l) => `${l.eventType}:${l.type}`)).toEqual(own);
    for (const event of TASK_SYNC_EVENTS) {
      const ofEvent = listeners.filter((l) => l.eventType === event);
      expect(ofEvent[ofEvent.length - 1]).toMatchObject({ type: TASK_SYNC_JOB_TYPE, retries: '3' });
    }
  });
});

test('a process without Zeebe user tasks is deployed as written', async () => {
  const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'contract-errors.bpmn'), 'utf8').replace(/<bpmn:userTask id="(\w+)" name="([^"]+)"><bpmn:extensionElements><zeebe:userTask \/><\/bpmn:extensionElements><\/bpmn:userTask>/g, '<bpmn:manualTask id="$1" name="$2" />');
  expect(await withTaskSyncListeners(xml)).toBe(xml);
});

// Shared topology: the completing listener job often runs on a server other than the one that sent the
// command, which alone knows who asked. The task was completed by its assignee (a task is claimed to be
// completed), so the row's completedBy — read by task access, SAR, chronology — is never left empty.
test('a completion whose command another server sent is recorded as by the task’s assignee', async () => {
  const emitted: EngineEvent[] = [];
  const worker = new TaskSyncWorker({
    definitions: {} as ProcessDefinitions, emit: async (e) => { emitted.push(e); }, now: () => new Date('2026-03-02T10:00:00Z'),
    actorOf: () => undefined, // this server sent no command for the task
  });
  worker.remember({
    key: 't-1', instanceKey: 'i-1', processId: 'plan-review', processVersion: 1, elementId: 'review', name: 'Review', candidateGroups: ['case-managers'],
    candidateUsers: [], assignee: 'sam', priority: 50, headers: {}, createdAt: '2026-03-02T09:00:00Z', state: 'open',
  });
  await worker.handle({ listenerEventType: 'COMPLETING', userTask: { userTaskKey: 't-1', assignee: 'sam' } });
  expect(emitted).toEqual([{ type: 'user-task.completed', task: expect.objectContaining({ state: 'completed', completedBy: 'sam' }) }]);
});
