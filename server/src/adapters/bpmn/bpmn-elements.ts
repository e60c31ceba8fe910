// One way to read a BPMN file's elements (bpmn-moddle with Zeebe's extensions) for every reader of deployed
// processes: the reports' deadline sources, the Zeebe adapter's task information and task-sync listeners.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-moddle's element tree is untyped */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

export type BpmnElement = any;

export const bpmnModdle = (): any => new BpmnModdle({ zeebe });

/** The bpmn:Definitions of a document (with the moddle that read it, to create elements and write it back). */
export async function readDefinitions(xml: string, moddle = bpmnModdle()): Promise<BpmnElement> {
  const { rootElement } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return rootElement;
}

/** The processes of a document, or the one with this id. */
export function processesOf(definitions: BpmnElement, processId?: string): BpmnElement[] {
  return (definitions?.rootElements ?? []).filter((e: any) => e.$type === 'bpmn:Process' && (processId === undefined || e.id === processId));
}

/** Every flow element of a process, those inside sub-processes included, in document order. */
export function* flowElements(container: BpmnElement): Generator<BpmnElement> {
  for (const el of container?.flowElements ?? []) {
    yield el;
    if (el.flowElements) yield* flowElements(el);
  }
}

/** An element's Zeebe extension elements of one type (`zeebe:TaskSchedule`, `zeebe:TaskHeaders` …). */
export const extensionsOf = (el: BpmnElement, type: string): BpmnElement[] => (el?.extensionElements?.values ?? []).filter((v: any) => v.$type === type);

/** An element's `zeebe:taskHeaders` as a record (a header without a value is the empty text). */
export function taskHeadersOf(el: BpmnElement): Record<string, string> {
  return Object.fromEntries(extensionsOf(el, 'zeebe:TaskHeaders').flatMap((h) => h.values ?? []).map((h: any) => [String(h.key), String(h.value ?? '')]));
}
