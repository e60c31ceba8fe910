// The DPO's list of subject access requests, newest first: who for, when received, when due, where it is.
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { loadSarRequest, SAR_PROCESS_ID, type SarRequest } from './sar-request';

export type SarSummary = Pick<SarRequest, 'key' | 'state' | 'activeSteps' | 'receivedOn' | 'due' | 'extended' | 'approved'> & { subjectName: string };

export async function listSars(deps: { engine: Pick<WorkflowEngine, 'listInstances' | 'getInstance'> }, page: { offset: number; limit: number }): Promise<{ items: SarSummary[]; total: number }> {
  const { items, total } = await deps.engine.listInstances({ processId: SAR_PROCESS_ID, offset: page.offset, limit: page.limit });
  const out: SarSummary[] = [];
  for (const i of items) {
    const r = await loadSarRequest(deps.engine, i.key).catch(() => undefined);
    if (!r) continue;
    out.push({
      key: r.key, state: r.state, activeSteps: r.activeSteps, receivedOn: r.receivedOn, due: r.due, extended: r.extended, approved: r.approved,
      subjectName: `${r.subject.givenName} ${r.subject.familyName}`,
    });
  }
  return { items: out.sort((a, b) => b.receivedOn.localeCompare(a.receivedOn)), total };
}
