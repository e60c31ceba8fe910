// What is still running on a case when someone asks to close it, sorted by what closure may do with it.
// The rule is deliberately small and conservative (issue 17 takes it further):
//  - the closure itself and the processes that called it (e.g. the plan review whose outcome was "close")
//    are not "other work";
//  - processes that wait to hear the intervention ended (victim contact) are left running: the closure
//    announces the end to them;
//  - processes the closure is configured to cancel (the plan review cycle: nothing to review once the
//    case is closed), and whatever they called, are cancelled with the reason;
//  - everything else is open work that blocks the closure — statutory work (an order, a breach, a panel,
//    a court report) must be finished or handed over by a person, never silently dropped.
// The engine port has no "instances of a case" query, so every deployed process is asked for its running
// instances and they are filtered by their caseId; closures are rare, so this read is acceptable.
import type { InstanceSummary, WorkflowEngine } from '../../ports/workflow-engine.port';
import { runningInstancesOfCase } from './running-case-instances';

export type ListOpenWorkEngine = Pick<WorkflowEngine, 'listDeployments' | 'listInstances' | 'messageRecipients' | 'getInstance'>;

export interface OpenWorkItem {
  instanceKey: string;
  processId: string;
  startedAt: string;
}

export interface OpenCaseWork {
  /** Open work that stops the closure until a person finishes or hands it over. */
  blocking: OpenWorkItem[];
  /** Work the closure cancels (configured process ids and what they called). */
  toCancel: OpenWorkItem[];
  /** Work left running to hear that the intervention ended. */
  awaitingEnd: OpenWorkItem[];
}

export interface ListOpenWorkInput {
  caseId: string;
  /** The closure's own instance: it and its callers are not other work. */
  closureInstanceKey: string;
  /** Process ids the closure cancels. */
  cancelProcessIds: readonly string[];
  /** Process ids left running because they wait for the end message (also any instance armed for it). */
  awaitingProcessIds: readonly string[];
  /** The message the closure publishes, e.g. "intervention-ended". */
  endMessage?: string;
}

async function runningInstancesOf(engine: ListOpenWorkEngine, caseId: string): Promise<InstanceSummary[]> {
  const processIds = [...new Set((await engine.listDeployments()).map((d) => d.processId))];
  const found: InstanceSummary[] = [];
  for (const processId of processIds) found.push(...(await runningInstancesOfCase(engine, processId, caseId)));
  return found;
}

async function callersOf(engine: ListOpenWorkEngine, instanceKey: string): Promise<Set<string>> {
  const chain = new Set<string>([instanceKey]);
  let next = (await engine.getInstance(instanceKey))?.parentKey;
  while (next && !chain.has(next)) {
    chain.add(next);
    next = (await engine.getInstance(next))?.parentKey;
  }
  return chain;
}

export async function listOpenCaseWork(engine: ListOpenWorkEngine, input: ListOpenWorkInput): Promise<OpenCaseWork> {
  const [running, own, armed] = await Promise.all([
    runningInstancesOf(engine, input.caseId),
    callersOf(engine, input.closureInstanceKey),
    input.endMessage ? engine.messageRecipients(input.endMessage, input.caseId) : Promise.resolve({ instanceKeys: [] as string[] }),
  ]);
  const byKey = new Map(running.map((i) => [i.key, i]));
  const cancelled = (i: InstanceSummary): boolean => {
    for (let cur: InstanceSummary | undefined = i; cur; cur = cur.parentKey ? byKey.get(cur.parentKey) : undefined) {
      if (own.has(cur.key)) return false;
      if (input.cancelProcessIds.includes(cur.processId)) return true;
    }
    return false;
  };
  const work: OpenCaseWork = { blocking: [], toCancel: [], awaitingEnd: [] };
  for (const i of running) {
    if (own.has(i.key)) continue;
    const item = { instanceKey: i.key, processId: i.processId, startedAt: i.startedAt };
    if (armed.instanceKeys.includes(i.key) || input.awaitingProcessIds.includes(i.processId)) work.awaitingEnd.push(item);
    else if (cancelled(i)) {
      // A called child goes with its parent (cancelling the parent cancels it): list only the top one.
      if (!(i.parentKey && byKey.has(i.parentKey) && cancelled(byKey.get(i.parentKey)!))) work.toCancel.push(item);
    } else work.blocking.push(item);
  }
  return work;
}
