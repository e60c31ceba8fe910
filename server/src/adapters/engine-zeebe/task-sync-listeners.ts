// Zeebe 8.8 has no global task listeners, so the adapter adds its own listener job to every Zeebe user task
// at deploy time (the files in processes/ stay free of it). The listener worker (task-sync.worker.ts) mirrors
// each transition into the task queue. Ours come last in each event type's list: the product's own listeners
// run first, so a denied or corrected transition reaches the queue as it finally is.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-moddle's element tree is untyped */
import { bpmnModdle, extensionsOf, flowElements, processesOf, readDefinitions } from '../bpmn/bpmn-elements';

export const TASK_SYNC_JOB_TYPE = 'yjs-task-sync';
export const TASK_SYNC_EVENTS = ['creating', 'assigning', 'updating', 'completing', 'canceling'] as const;
export type TaskSyncEvent = (typeof TASK_SYNC_EVENTS)[number];

const isZeebeUserTask = (el: any) => el.$type === 'bpmn:UserTask' && extensionsOf(el, 'zeebe:UserTask').length > 0;

/** The BPMN document with the task-sync listener on every Zeebe user task; unchanged when it has none. */
export async function withTaskSyncListeners(xml: string): Promise<string> {
  const moddle = bpmnModdle();
  const rootElement = await readDefinitions(xml, moddle);
  let changed = false;
  for (const process of processesOf(rootElement)) {
    for (const task of flowElements(process)) {
      if (!isZeebeUserTask(task)) continue;
      const ext = task.extensionElements;
      let listeners = ext.values.find((v: any) => v.$type === 'zeebe:TaskListeners');
      if (!listeners) {
        listeners = moddle.create('zeebe:TaskListeners', { listeners: [] });
        listeners.$parent = ext;
        ext.values.push(listeners);
      }
      listeners.listeners = listeners.listeners ?? [];
      for (const eventType of TASK_SYNC_EVENTS) {
        if (listeners.listeners.some((l: any) => l.type === TASK_SYNC_JOB_TYPE && l.eventType === eventType)) continue;
        const listener = moddle.create('zeebe:TaskListener', { eventType, type: TASK_SYNC_JOB_TYPE, retries: '3' });
        listener.$parent = listeners;
        listeners.listeners.push(listener);
        changed = true;
      }
    }
  }
  if (!changed) return xml;
  const { xml: out } = await moddle.toXML(rootElement, { format: true });
  return out;
}
