// The DPO's view of a request: the records found (third-party appearances flagged) and every item gathered,
// with the system's proposal and the DPO's decision — all read from the request's gathered snapshot (its
// head by the request's key, then its chunks by id), never from the cases, so a view costs the same however
// many cases the service holds. Before gathering there is nothing to show yet; "no data held" is an answer,
// not an error. Looking is itself audited (consultation of records).
import { finalDecision, type RedactionDecision } from '../../domain/sar/redaction-rules';
import type { SarSnapshot, SnapshotItem, SnapshotMatch } from '../../domain/sar/sar-snapshot';
import type { AuditLog } from '../../ports/audit-log.port';
import type { SarSnapshotStore } from '../../ports/sar-snapshot.port';
import type { SarSources } from '../../ports/sar-sources.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { loadSarRequest, type SarRequest } from './sar-request';
import type { DocumentContentReader } from './sar-documents';

export interface SarDeps {
  engine: Pick<WorkflowEngine, 'getInstance' | 'setVariables'>;
  /** Read only when gathering (gather-sar-snapshot.ts): views, decisions and the export use `snapshots`. */
  sources: SarSources;
  snapshots: SarSnapshotStore;
  audit: Pick<AuditLog, 'record'>;
  /** The bytes of a document still held, for the export's ZIP (sar-documents.ts). */
  documentContent?: DocumentContentReader;
}

export interface ReviewedItem extends SnapshotItem {
  decision: RedactionDecision;
  reason: string;
  decidedByDpo: boolean;
  /** New since the last gather: it needs a decision. */
  isNew: boolean;
}

export interface GatheredView {
  at: string;
  by: string;
  previousAt?: string;
  itemCount: number;
  newItems: number;
  frozenAt?: string;
  droppedAt?: string;
  droppedBecause?: string;
}

export interface SarReview {
  request: SarRequest;
  /** Absent until the request reaches gathering. */
  gathered?: GatheredView;
  matches: SnapshotMatch[];
  noDataHeld: boolean;
  items: ReviewedItem[];
}

export const gatheredView = (s: SarSnapshot): GatheredView => ({
  at: s.gatheredAt, by: s.gatheredBy, itemCount: s.itemCount, newItems: s.newItemIds.length,
  ...(s.previousGatheredAt ? { previousAt: s.previousGatheredAt } : {}), ...(s.frozenAt ? { frozenAt: s.frozenAt } : {}),
  ...(s.droppedAt ? { droppedAt: s.droppedAt, droppedBecause: s.droppedBecause } : {}),
});

/** The snapshot's items with the DPO's decisions, one at a time (the export streams these). */
export async function* reviewedItems(deps: Pick<SarDeps, 'snapshots'>, request: SarRequest, snapshot: SarSnapshot | undefined): AsyncGenerator<ReviewedItem> {
  if (!snapshot) return;
  const decisions = new Map(request.decisions.map((d) => [d.itemId, d]));
  const fresh = new Set(snapshot.newItemIds);
  for await (const item of deps.snapshots.items(snapshot)) {
    yield { ...item, ...finalDecision(item.proposal, decisions.get(item.id)), isNew: fresh.has(item.id) };
  }
}

export async function reviewSar(deps: Pick<SarDeps, 'engine' | 'snapshots' | 'audit'>, actor: { id: string; roles: readonly string[] }, key: string): Promise<SarReview> {
  const request = await loadSarRequest(deps.engine, key);
  const snapshot = await deps.snapshots.head(key);
  const items: ReviewedItem[] = [];
  for await (const item of reviewedItems(deps, request, snapshot)) items.push(item);
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sar.review', recordType: 'sar', recordId: key,
    after: { cases: snapshot?.caseIds ?? [], items: items.length }, reason: 'Subject access request',
  });
  return {
    request, ...(snapshot ? { gathered: gatheredView(snapshot) } : {}), matches: snapshot?.matches ?? [],
    noDataHeld: !!snapshot && !snapshot.droppedAt && snapshot.matches.length === 0, items,
  };
}
