// Small linear processes with diagram interchange (the monitor draws them), built from a list of steps so
// each test can deploy the version it needs: v1, a v2 with a renamed and an added task, a v3 that changes
// an element's type and a message's name.
export type Step =
  /** `form`: a shipped form with no required answers by default, so tests complete tasks with `{}`. */
  | { id: string; kind: 'userTask'; name?: string; group?: string; form?: string }
  | { id: string; kind: 'serviceTask'; type: string; retries?: number }
  | { id: string; kind: 'message'; message: string; key: string };

const W = { userTask: 100, serviceTask: 100, message: 36 } as const;

export function linearBpmn(processId: string, steps: Step[]): string {
  const messages = steps.filter((s) => s.kind === 'message').map((s) =>
    `<bpmn:message id="Msg_${s.id}" name="${s.message}"><bpmn:extensionElements><zeebe:subscription correlationKey="${s.key}" /></bpmn:extensionElements></bpmn:message>`);
  const ids = ['start', ...steps.map((s) => s.id), 'end'];
  const flows = ids.slice(1).map((to, i) => ({ id: `f_${ids[i]}_${to}`, from: ids[i], to }));
  const incoming = (id: string) => flows.filter((f) => f.to === id).map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`).join('');
  const outgoing = (id: string) => flows.filter((f) => f.from === id).map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`).join('');
  const io = (id: string) => incoming(id) + outgoing(id);
  const elements = steps.map((s) => {
    if (s.kind === 'userTask') {
      return `<bpmn:userTask id="${s.id}" name="${s.name ?? s.id}"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="${s.form ?? 'assetplus-share'}" />` +
        `<zeebe:assignmentDefinition candidateGroups="${s.group ?? 'case-managers'}" /></bpmn:extensionElements>${io(s.id)}</bpmn:userTask>`;
    }
    if (s.kind === 'serviceTask') {
      return `<bpmn:serviceTask id="${s.id}" name="${s.id}"><bpmn:extensionElements><zeebe:taskDefinition type="${s.type}" retries="${s.retries ?? 3}" />` +
        `</bpmn:extensionElements>${io(s.id)}</bpmn:serviceTask>`;
    }
    return `<bpmn:intermediateCatchEvent id="${s.id}" name="${s.message}">${io(s.id)}<bpmn:messageEventDefinition messageRef="Msg_${s.id}" /></bpmn:intermediateCatchEvent>`;
  });
  // Diagram: left to right, tasks 100×80 and events 36×36 centred on y = 120.
  let x = 100;
  const box = new Map<string, { x: number; y: number; w: number; h: number }>();
  for (const id of ids) {
    const step = steps.find((s) => s.id === id);
    const w = step ? W[step.kind] : 36;
    const h = w === 36 ? 36 : 80;
    box.set(id, { x, y: 120 - h / 2, w, h });
    x += w + 60;
  }
  const shapes = ids.map((id) => {
    const b = box.get(id)!;
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`;
  });
  const edges = flows.map((f) => {
    const a = box.get(f.from)!;
    const b = box.get(f.to)!;
    return `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${a.x + a.w}" y="120" /><di:waypoint x="${b.x}" y="120" /></bpmndi:BPMNEdge>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Defs_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  ${messages.join('\n  ')}
  <bpmn:process id="${processId}" name="${processId}" isExecutable="true">
    <bpmn:startEvent id="start">${outgoing('start')}</bpmn:startEvent>
    ${elements.join('\n    ')}
    <bpmn:endEvent id="end">${incoming('end')}</bpmn:endEvent>
    ${flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}" />`).join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${processId}"><bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">
    ${shapes.join('\n    ')}
    ${edges.join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** The versions the monitor tests deploy, in order (each deploy of a changed file is the next version). */
export const MONITOR_PROCESS = 'monitor-demo';
export const V1: Step[] = [
  { id: 'review', kind: 'userTask', name: 'Review referral' },
  { id: 'check', kind: 'serviceTask', type: 'monitor-check', retries: 1 },
  { id: 'waitOutcome', kind: 'message', message: 'court-outcome', key: '=caseRef' },
];
export const V2: Step[] = [
  { id: 'triage', kind: 'userTask', name: 'Triage referral' },
  { id: 'approve', kind: 'userTask', name: 'Approve referral' },
  { id: 'check', kind: 'serviceTask', type: 'monitor-check', retries: 1 },
  { id: 'waitOutcome', kind: 'message', message: 'court-outcome', key: '=caseRef' },
];
export const V3: Step[] = [
  { id: 'review', kind: 'serviceTask', type: 'monitor-auto' },
  { id: 'check', kind: 'serviceTask', type: 'monitor-check', retries: 1 },
  { id: 'waitOutcome', kind: 'message', message: 'court-result', key: '=caseRef' },
];
export const resource = (steps: Step[]) => ({ name: `${MONITOR_PROCESS}.bpmn`, content: linearBpmn(MONITOR_PROCESS, steps) });
