// The DPO's view of a request: the records found (with third-party appearances flagged), every item
// gathered with the system's proposal (disclose, or review for third-party data) and the DPO's decision.
// "No data held" is an answer, not an error. Looking is itself audited (consultation of records).
import { proposeRedaction, finalDecision, type Proposal, type RedactionDecision, type SarItem } from '../../domain/sar/redaction-rules';
import { ownNameWords } from '../../domain/sar/sar-subject';
import type { AuditLog } from '../../ports/audit-log.port';
import type { SarSources } from '../../ports/sar-sources.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { findPerson, type PersonMatch } from './find-person';
import { gatherRecords } from './gather-records';
import { loadSarRequest, type SarRequest } from './sar-request';

export interface SarDeps {
  engine: Pick<WorkflowEngine, 'getInstance' | 'setVariables'>;
  sources: SarSources;
  audit: Pick<AuditLog, 'record'>;
}

export interface ReviewedItem extends SarItem {
  proposal: Proposal;
  decision: RedactionDecision;
  reason: string;
  decidedByDpo: boolean;
}

export interface SarReview {
  request: SarRequest;
  matches: PersonMatch[];
  noDataHeld: boolean;
  items: ReviewedItem[];
}

/** Items with proposals and decisions, one at a time (the export streams these). */
export async function* reviewedItems(deps: Pick<SarDeps, 'sources'>, request: SarRequest, matches: readonly PersonMatch[]): AsyncGenerator<ReviewedItem> {
  const own = ownNameWords(request.subject);
  const decisions = new Map(request.decisions.map((d) => [d.itemId, d]));
  for await (const item of gatherRecords(deps, matches)) {
    const proposal = proposeRedaction(item, own);
    yield { ...item, proposal, ...finalDecision(proposal, decisions.get(item.id)) };
  }
}

export async function reviewSar(deps: SarDeps, actor: { id: string; roles: readonly string[] }, key: string): Promise<SarReview> {
  const request = await loadSarRequest(deps.engine, key);
  const matches = await findPerson(deps, request.subject);
  const items: ReviewedItem[] = [];
  for await (const item of reviewedItems(deps, request, matches)) items.push(item);
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sar.review', recordType: 'sar', recordId: key,
    after: { cases: [...new Set(matches.map((m) => m.caseId))], items: items.length }, reason: 'Subject access request',
  });
  return { request, matches, noDataHeld: matches.length === 0, items };
}
