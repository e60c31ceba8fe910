// Reads how a process may be started by hand from its BPMN (domain/cases/start-declaration.ts): the none
// start event's linked form (zeebe:formDefinition formId, which Camunda 8.8 also shows as the start form
// of a none start event) and the roles named by its zeebe:property `startableBy`. A process whose none
// start event has no form is not offered on the case page.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { StartDeclaration } from '../../domain/cases/start-declaration';

const extension = (el: any, type: string): any[] => (el.extensionElements?.values ?? []).filter((v: any) => v.$type === type);

/** The start declaration of the process `processId` in this BPMN document, or undefined when it has none. */
export async function readStartDeclaration(xml: string, processId: string): Promise<StartDeclaration | undefined> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
  const process = (rootElement as any).rootElements?.find((e: any) => e.$type === 'bpmn:Process' && e.id === processId);
  const start = (process?.flowElements ?? []).find((e: any) => e.$type === 'bpmn:StartEvent' && !(e.eventDefinitions ?? []).length);
  const formId = start ? extension(start, 'zeebe:FormDefinition')[0]?.formId : undefined;
  if (typeof formId !== 'string' || !formId) return undefined;
  const roles = extension(start, 'zeebe:Properties').flatMap((p: any) => p.properties ?? [])
    .find((p: any) => p.name === 'startableBy')?.value as string | undefined;
  return {
    processId,
    name: typeof process.name === 'string' && process.name ? process.name : processId,
    startEventName: typeof start.name === 'string' ? start.name : undefined,
    formId,
    startableBy: (roles ?? '').split(',').map((r) => r.trim()).filter(Boolean),
  };
}
