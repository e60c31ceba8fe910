// A reviewer accepts or rejects one proposal. Accepting writes it to the child's Education section as any
// amendment is written (numbered, with its source, audited as case.write with before and after); rejecting
// leaves the record as it is and is audited too. A proposal of a case outside the reviewer's teams answers
// "not found", as a case does. The proposal is claimed first (pending → decided), so two reviewers at once
// cannot both act on it; a write that then fails puts it back to pending.
import { ConflictError, NotFoundError } from '../../domain/errors';
import { changePath } from '../../domain/cases/case-collections';
import { EXCLUSIONS_COLLECTION, type SchoolProposal } from '../../domain/schools/school-proposal';
import { SCHOOL_FIELD_LABELS } from '../../domain/schools/school-proposal-words';
import { auditActor, canViewCase, type Actor } from '../cases/case-access';
import { randomItemId } from '../cases/item-ids';
import { writeCaseSection } from '../cases/write-case-section';
import { requireEducationWriter, type SchoolImportDeps } from './school-import-deps';
import { presentProposal, type SchoolProposalView } from './school-proposal-view';

export interface ProposalDecision { decision: 'accept' | 'reject'; reason?: string }

export async function decideSchoolProposal(deps: SchoolImportDeps, actor: Actor, id: string, input: ProposalDecision): Promise<SchoolProposalView> {
  requireEducationWriter(deps.policy, actor, 'review school data');
  const proposal = await deps.store.proposal(id);
  const record = proposal && await deps.cases.findById(proposal.caseId);
  if (!proposal || !record || !canViewCase(deps.policy, actor, record)) throw new NotFoundError('There is no such proposal among your teams\' cases', 'PROPOSAL_NOT_FOUND');
  if (proposal.status !== 'pending') throw new ConflictError(`This proposal was already ${proposal.status}`, 'PROPOSAL_DECIDED');
  if (input.decision === 'accept') await deps.caseGuard?.assertMayChange(actor, record.id, 'amend this case');
  const at = deps.clock.now().toISOString();
  const reason = input.reason?.trim() || undefined;
  const to = input.decision === 'accept' ? 'accepted' : 'rejected';
  if (!(await deps.store.decide(id, to, actor.id, at, reason))) throw new ConflictError('Someone else decided this proposal a moment ago', 'PROPOSAL_DECIDED');
  const why = `School data from ${proposal.school} (row ${proposal.row} of an import)${reason ? `: ${reason}` : ''}`;
  if (to === 'accepted') {
    try {
      await accept(deps, actor, proposal, at, why);
    } catch (e) {
      await deps.store.reopen(id);
      throw e;
    }
  } else {
    await deps.audit.record({
      actor: auditActor(actor), action: 'case.proposal-rejected', recordType: 'case', recordId: record.id, sections: ['education'], reason: why, after: { proposal: id, kind: proposal.kind },
    });
  }
  const decided: SchoolProposal = { ...proposal, status: to, decidedAt: at, decidedBy: actor.id, ...(reason ? { reason } : {}) };
  return presentProposal(decided, (await deps.cases.findById(record.id)) ?? record, deps.nameOf);
}

async function accept(deps: SchoolImportDeps, actor: Actor, p: SchoolProposal, at: string, reason: string): Promise<void> {
  const exclusion = p.kind === 'exclusion';
  const labels = exclusion ? { items: { [EXCLUSIONS_COLLECTION]: pick(p.values) } } : { fields: pick(p.values) };
  const amendment = await writeCaseSection(deps, {
    caseId: p.caseId, section: 'education', patch: exclusion ? {} : p.values, labels, by: actor.id, at, source: { kind: 'manual', reason },
    items: exclusion ? [{ collection: EXCLUSIONS_COLLECTION, id: randomItemId(), values: p.values }] : [],
  });
  if (p.kind === 'upn') await deps.store.holdUpn(String(p.values.upn), p.caseId);
  if (!amendment) return;
  await deps.audit.record({
    actor: auditActor(actor), action: 'case.write', recordType: 'case', recordId: p.caseId, sections: ['education'], reason,
    before: Object.fromEntries(amendment.changes.map((c) => [changePath(c), c.previous ?? null])),
    after: Object.fromEntries(amendment.changes.map((c) => [changePath(c), c.value ?? null])),
  });
}

const pick = (values: Record<string, unknown>) => Object.fromEntries(Object.keys(values).map((k) => [k, SCHOOL_FIELD_LABELS[k] ?? k]));
