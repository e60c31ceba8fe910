// What the adapter needs to know about a deployed process that Zeebe's job and task records do not carry:
// each user task's name, linked form and headers, read once per process definition from its BPMN.
/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-moddle's element tree is untyped */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { NOW, type ZeebeApi } from './zeebe-client';

export interface ElementInfo { name?: string; formId?: string; headers: Record<string, string> }
export type DefinitionInfo = Map<string, ElementInfo>;

export async function readDefinitionInfo(xml: string, processId: string): Promise<DefinitionInfo> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
  const process = (rootElement as any).rootElements?.find((e: any) => e.$type === 'bpmn:Process' && e.id === processId);
  const info: DefinitionInfo = new Map();
  const visit = (container: any) => {
    for (const el of container?.flowElements ?? []) {
      const ext = el.extensionElements?.values ?? [];
      const headers = ext.filter((v: any) => v.$type === 'zeebe:TaskHeaders').flatMap((h: any) => h.values ?? []);
      info.set(el.id, {
        name: typeof el.name === 'string' && el.name ? el.name : undefined,
        formId: ext.find((v: any) => v.$type === 'zeebe:FormDefinition')?.formId,
        headers: Object.fromEntries(headers.map((h: any) => [String(h.key), String(h.value ?? '')])),
      });
      if (el.flowElements) visit(el);
    }
  };
  visit(process);
  return info;
}

export class ProcessDefinitions {
  private readonly byKey = new Map<string, Promise<DefinitionInfo>>();

  constructor(private readonly api: ZeebeApi) {}

  /** Deploy already holds the XML: no need to read it back. */
  prime(definitionKey: string, xml: string, processId: string): void {
    this.byKey.set(definitionKey, readDefinitionInfo(xml, processId));
  }

  async element(definitionKey: string, processId: string, elementId: string): Promise<ElementInfo> {
    let info = this.byKey.get(definitionKey);
    if (!info) {
      info = (async () => readDefinitionInfo(String(await this.api.getProcessDefinitionXml({ processDefinitionKey: definitionKey }, NOW)), processId))();
      info.catch(() => this.byKey.delete(definitionKey)); // a failed read is tried again next time
      this.byKey.set(definitionKey, info);
    }
    return (await info).get(elementId) ?? { headers: {} };
  }
}
