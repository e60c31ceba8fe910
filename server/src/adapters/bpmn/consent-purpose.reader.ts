// Reads the consent purposes a BPMN model declares (domain/consent/purpose-declarations.ts) with bpmn-moddle
// and the Zeebe extension: the process's own zeebe:properties, and those of subprocesses and user tasks,
// a subprocess's declaration covering every user task inside it. An unknown purpose is ignored here: the
// deploy check of the declarations (consent-purposes lint in the tests) names it.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { isConsentPurpose, type ProcessPurposes, type PurposeDeclaration } from '../../domain/consent/purpose-declarations';

function declarationOf(el: any): PurposeDeclaration | undefined {
  const props = (el.extensionElements?.values ?? []).filter((v: any) => v.$type === 'zeebe:Properties').flatMap((v: any) => v.properties ?? []);
  const value = (name: string) => props.find((p: any) => p.name === name)?.value as string | undefined;
  const purpose = value('consentPurpose');
  if (!isConsentPurpose(purpose)) return undefined;
  const subjectVariable = value('consentSubject');
  return { purpose, ...(subjectVariable ? { subjectVariable } : {}) };
}

function visit(elements: any[], inherited: PurposeDeclaration | undefined, out: ProcessPurposes): void {
  for (const el of elements ?? []) {
    const own = declarationOf(el) ?? inherited;
    if (el.$type === 'bpmn:UserTask' && own) out.tasks[el.id] = own;
    if (el.$type === 'bpmn:SubProcess') visit(el.flowElements, own, out);
  }
}

/** The declarations of the process `processId` in this BPMN document (empty when it declares none). */
export async function readConsentPurposes(xml: string, processId: string): Promise<ProcessPurposes> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
  const process = (rootElement as any).rootElements?.find((e: any) => e.$type === 'bpmn:Process' && e.id === processId);
  const out: ProcessPurposes = { tasks: {} };
  if (!process) return out;
  const own = declarationOf(process);
  if (own) out.process = own;
  visit(process.flowElements, undefined, out);
  return out;
}
