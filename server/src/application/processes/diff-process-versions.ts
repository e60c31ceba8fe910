// What changed between two versions of a process: elements added, removed, changed (with the changed
// attributes) and moved. Computed on the server so the API and the modeller's diff view agree.
import { ValidationError } from '../../domain/errors';
import { getProcessXml } from './get-process-xml';
import { checkProcessId, requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface DiffElement {
  id: string;
  type: string;
  name?: string;
}

export interface ChangedElement extends DiffElement {
  attrs: Record<string, { oldValue: unknown; newValue: unknown }>;
}

export interface BpmnDiff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: ChangedElement[];
  layoutChanged: DiffElement[];
}

/** Compares two BPMN documents (implemented with bpmn-js-differ in adapters/bpmn). */
export type BpmnDiffer = (oldXml: string, newXml: string) => Promise<BpmnDiff>;

export interface DiffProcessDeps extends ProcessAdminDeps {
  differ: BpmnDiffer;
}

export interface ProcessDiff extends BpmnDiff {
  processId: string;
  from: number;
  to: number;
}

export async function diffProcessVersions(
  deps: DiffProcessDeps,
  actor: ProcessActor,
  input: { processId: string; from: number; to: number },
): Promise<ProcessDiff> {
  requireProcessAdmin(actor);
  checkProcessId(input.processId);
  if (input.from === input.to) {
    throw new ValidationError('Choose two different versions', { to: 'Must differ from "from"' }, 'DIFF_SAME_VERSION');
  }
  const [a, b] = await Promise.all([
    getProcessXml(deps, actor, input.processId, input.from),
    getProcessXml(deps, actor, input.processId, input.to),
  ]);
  return { processId: input.processId, from: input.from, to: input.to, ...(await deps.differ(a.xml, b.xml)) };
}
