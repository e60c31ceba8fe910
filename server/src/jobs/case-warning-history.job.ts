// Job type "case-warning-history": makes `warningHistory` (dates of the warnings already given on this order)
// a process variable for evaluate-warnings, read from the case record: the items of offending.warnings whose
// orderId is the instance's `order.id` (the compliance-warning form writes both). A start variable wins (a
// warning given before the service used this system, or a caller that already knows them). Only the order's
// own warnings count: Sentencing Act 2020 Sch 7 para 4 speaks of warnings "in relation to the order".
import type { CaseRepository } from '../ports/case-repository.port';
import type { JobHandler } from '../ports/workflow-engine.port';

export const CASE_WARNING_HISTORY_JOB_TYPE = 'case-warning-history';

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export function createCaseWarningHistoryJob(deps: { cases: Pick<CaseRepository, 'findById'> }): JobHandler {
  return async (job) => {
    if (Array.isArray(job.variables.warningHistory)) return { kind: 'complete' };
    const order = job.variables.order as { id?: unknown } | undefined;
    const orderId = typeof order?.id === 'string' ? order.id : undefined;
    const caseId = job.variables.caseId;
    // Without an order there is nothing to count against: no earlier warnings, as for a new order.
    if (!orderId || typeof caseId !== 'string' || !caseId) return { kind: 'complete', variables: { warningHistory: [] } };
    const record = await deps.cases.findById(caseId);
    if (!record) return { kind: 'fail', message: `Case "${caseId}" not found`, retries: 0 };
    const items = record.sections.offending?.collections?.warnings ?? [];
    const warningHistory = items
      .filter((w) => w.values.orderId === orderId && isDate(w.values.givenOn))
      .map((w) => w.values.givenOn as string)
      .sort();
    return { kind: 'complete', variables: { warningHistory } };
  };
}
