// Reads from a process's BPMN which deadline each user task's due date is (`zeebe:taskSchedule
// dueDate="=deadlines.oocdAssessment"`), and which calculate-deadlines steps write which deadline from
// which timescale (`<zeebe:header key="timescales" value="reviewDue=planReview" />`). The reporting
// projection uses this to say which timescale a task's due date came from (classify-task-timescale.ts).
// BPMN carries only ids, never values, so a timescale change needs no BPMN change — and no change here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { CALCULATE_DEADLINES_JOB_TYPE } from '../../jobs/calculate-deadlines.job';
import { readDeadlineRequests } from '../../jobs/deadline-request';
import type { Job } from '../../ports/workflow-engine.port';
import type { DeadlineSources } from '../../application/reports/classify-task-timescale';

const extension = (el: any, type: string): any[] => (el.extensionElements?.values ?? []).filter((v: any) => v.$type === type);
const DEADLINE_REF = /\bdeadlines\.([A-Za-z_$][\w$]*)/g;

function* flowElements(container: any): Generator<any> {
  for (const el of container?.flowElements ?? []) {
    yield el;
    if (el.flowElements) yield* flowElements(el); // sub-processes
  }
}

export async function readDeadlineSources(xml: string, processId: string): Promise<DeadlineSources> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml, 'bpmn:Definitions');
  const process = (rootElement as any).rootElements?.find((e: any) => e.$type === 'bpmn:Process' && e.id === processId);
  const sources: DeadlineSources = { dueNames: {}, writers: {} };
  for (const el of flowElements(process)) {
    const due = extension(el, 'zeebe:TaskSchedule')[0]?.dueDate;
    if (el.$type === 'bpmn:UserTask' && typeof due === 'string') {
      sources.dueNames[el.id] = [...new Set([...due.matchAll(DEADLINE_REF)].map((m) => m[1]))];
    }
    if (extension(el, 'zeebe:TaskDefinition')[0]?.type === CALCULATE_DEADLINES_JOB_TYPE) {
      const headers = Object.fromEntries(extension(el, 'zeebe:TaskHeaders').flatMap((h: any) => h.values ?? []).map((h: any) => [h.key, h.value]));
      const requests = readDeadlineRequests({ headers, variables: {} } as unknown as Job);
      sources.writers[el.id] = requests.map((r) => ({ name: r.name, timescaleId: r.timescaleId }));
    }
  }
  return sources;
}
