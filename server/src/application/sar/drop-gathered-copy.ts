// The gathered copy's own retention: the snapshot holds a copy of the person's records (and other people's
// in third-party items), so it is not kept as long as the request's record. When the copy's time runs out
// (the process's timer after the response was sent: timescale subjectAccessGatheredCopy) the items lose
// their values and labels and keep only the decision record — which item (case, kind, section), where it
// came from, whether it was flagged, and what was disclosed or withheld; the DPO's reasons stay on the
// request. When the person's own records were erased meanwhile, the request itself is reduced too.
import type { SarSnapshot, SnapshotItem } from '../../domain/sar/sar-snapshot';
import { subjectErased } from '../../domain/sar/sar-snapshot';
import { finalDecision } from '../../domain/sar/redaction-rules';
import type { AuditLog } from '../../ports/audit-log.port';
import type { SarSnapshotStore } from '../../ports/sar-snapshot.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { loadSarRequest } from './sar-request';

export interface DropCopyDeps {
  engine: Pick<WorkflowEngine, 'getInstance' | 'setVariables'>;
  snapshots: SarSnapshotStore;
  audit: Pick<AuditLog, 'record'>;
  now: () => Date;
}

/** Free-text variables of the request's forms and the request itself: what the person or the DPO wrote. */
const PERSONAL_VARIABLES = ['subject', 'requesterName', 'identityEvidence', 'extensionReason', 'redactionNotes', 'approvalNotes'];

/**
 * The request once its person's records are erased: no name, no date of birth, no requester, no free text,
 * decisions kept as counts — what a case tombstone keeps (reference, dates, state), no more.
 */
export async function reduceSarRequest(deps: Pick<DropCopyDeps, 'engine'>, key: string, at: string): Promise<void> {
  const instance = await deps.engine.getInstance(key);
  if (!instance || typeof instance.variables.sarErased === 'string') return;
  const decisions = Array.isArray(instance.variables.sarRedactions) ? (instance.variables.sarRedactions as { decision?: string }[]) : [];
  await deps.engine.setVariables(key, {
    ...Object.fromEntries(PERSONAL_VARIABLES.map((v) => [v, null])),
    sarRedactions: [],
    sarDecisionCounts: { disclosed: decisions.filter((d) => d.decision === 'disclose').length, withheld: decisions.filter((d) => d.decision === 'withhold').length },
    sarErased: at,
  });
}

const recordOnly = (item: SnapshotItem, decision: string): SnapshotItem => ({
  id: item.id, caseId: item.caseId, kind: item.kind, ...(item.section ? { section: item.section } : {}), source: item.source,
  label: item.source, value: null, thirdParty: item.thirdParty,
  proposal: { decision: item.proposal.decision, reason: decision === 'disclose' ? 'Disclosed' : 'Withheld' },
});

export async function dropGatheredCopy(deps: DropCopyDeps, key: string, because: string): Promise<SarSnapshot | undefined> {
  const snapshot = await deps.snapshots.head(key);
  if (!snapshot) return undefined;
  const at = deps.now().toISOString();
  // Erasure of the person's records emptied the snapshot while the request was still being answered.
  if (snapshot.droppedAt) {
    if (subjectErased(snapshot)) await reduceSarRequest(deps, key, at);
    return snapshot;
  }
  const request = await loadSarRequest(deps.engine, key);
  const decisions = new Map(request.decisions.map((d) => [d.itemId, d]));
  async function* kept() {
    for await (const item of deps.snapshots.items(snapshot!)) yield recordOnly(item, finalDecision(item.proposal, decisions.get(item.id)).decision);
  }
  const dropped = await deps.snapshots.save({ key, generation: snapshot.generation + 1 }, kept(), () => ({
    ...snapshot, generation: snapshot.generation + 1, droppedAt: at, droppedBecause: because,
    matches: snapshot.matches.map((m) => ({ ...m, displayName: '' })),
  }));
  if (subjectErased(snapshot)) await reduceSarRequest(deps, key, at);
  await deps.audit.record({ actor: { id: 'system' }, action: 'sar.copy-dropped', recordType: 'sar', recordId: key, after: { items: dropped.itemCount }, reason: because });
  return dropped;
}
