// The DPO's redaction decisions, item by item with reasons, kept on the request's process instance
// (variable sarRedactions) so the export and the audit see the same decisions. A later decision on the
// same item replaces the earlier one. Refused once the response is approved: approval covers what it saw.
// Items are checked against the gathered snapshot (read by the request's key), never the cases.
import { ConflictError, ValidationError } from '../../domain/errors';
import { checkDecisions, type DpoDecision } from '../../domain/sar/redaction-rules';
import type { SarDeps } from './review-sar';
import { loadSarRequest } from './sar-request';

const MAX_DECISIONS = 5000;

function readDecisions(input: unknown): DpoDecision[] {
  const list = input && typeof input === 'object' && !Array.isArray(input) ? (input as { decisions?: unknown }).decisions : undefined;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_DECISIONS) {
    throw new ValidationError('Send {decisions: [{itemId, decision, reason}]}', { decisions: 'Give at least one decision (at most 5,000)' }, 'SAR_DECISIONS_INVALID');
  }
  return list.map((d) => {
    const o = (d && typeof d === 'object' ? d : {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 1000) : '');
    return { itemId: text(o.itemId), decision: text(o.decision) as DpoDecision['decision'], reason: text(o.reason).trim() };
  });
}

export async function recordRedactions(deps: Pick<SarDeps, 'engine' | 'snapshots' | 'audit'>, actor: { id: string; roles: readonly string[] }, key: string, input: unknown): Promise<{ decisions: DpoDecision[] }> {
  const decisions = readDecisions(input);
  const request = await loadSarRequest(deps.engine, key);
  if (request.approved || request.state !== 'active') throw new ConflictError('The response is already approved or closed: its redactions cannot change', 'SAR_DECISIONS_CLOSED');
  const snapshot = await deps.snapshots.head(key);
  if (!snapshot || snapshot.droppedAt) throw new ConflictError('There are no gathered records to decide on yet: they are gathered once the requester\'s identity is checked', 'SAR_NOT_GATHERED');
  const known = new Set<string>();
  for await (const item of deps.snapshots.items(snapshot)) known.add(item.id);
  const errors = checkDecisions(decisions, known);
  if (Object.keys(errors).length) throw new ValidationError('Check the redaction decisions', errors, 'SAR_DECISIONS_INVALID');
  const merged = new Map(request.decisions.map((d) => [d.itemId, d]));
  for (const d of decisions) merged.set(d.itemId, { ...d, decidedBy: actor.id });
  const all = [...merged.values()];
  await deps.engine.setVariables(key, { sarRedactions: all });
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sar.redaction', recordType: 'sar', recordId: key,
    after: { decided: decisions.length, withheld: decisions.filter((d) => d.decision === 'withhold').length },
  });
  return { decisions: all };
}
