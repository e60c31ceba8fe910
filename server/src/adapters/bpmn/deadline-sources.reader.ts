// Reads from a process's BPMN which deadline each user task's due date is (`zeebe:taskSchedule
// dueDate="=deadlines.oocdAssessment"`), and which calculate-deadlines steps write which deadline from
// which timescale (`<zeebe:header key="timescales" value="reviewDue=planReview" />`). The reporting
// projection uses this to say which timescale a task's due date came from (classify-task-timescale.ts).
// BPMN carries only ids, never values, so a timescale change needs no BPMN change — and no change here.
import { CALCULATE_DEADLINES_JOB_TYPE } from '../../jobs/calculate-deadlines.job';
import { readDeadlineRequests } from '../../jobs/deadline-request';
import type { Job } from '../../ports/workflow-engine.port';
import type { DeadlineSources } from '../../application/reports/classify-task-timescale';
import { extensionsOf, flowElements, processesOf, readDefinitions, taskHeadersOf } from './bpmn-elements';

const DEADLINE_REF = /\bdeadlines\.([A-Za-z_$][\w$]*)/g;

export async function readDeadlineSources(xml: string, processId: string): Promise<DeadlineSources> {
  const [process] = processesOf(await readDefinitions(xml), processId);
  const sources: DeadlineSources = { dueNames: {}, writers: {} };
  for (const el of flowElements(process)) {
    const due = extensionsOf(el, 'zeebe:TaskSchedule')[0]?.dueDate;
    if (el.$type === 'bpmn:UserTask' && typeof due === 'string') {
      sources.dueNames[el.id] = [...new Set([...due.matchAll(DEADLINE_REF)].map((m) => m[1]))];
    }
    if (extensionsOf(el, 'zeebe:TaskDefinition')[0]?.type === CALCULATE_DEADLINES_JOB_TYPE) {
      const requests = readDeadlineRequests({ headers: taskHeadersOf(el), variables: {} } as unknown as Job);
      sources.writers[el.id] = requests.map((r) => ({ name: r.name, timescaleId: r.timescaleId }));
    }
  }
  return sources;
}
