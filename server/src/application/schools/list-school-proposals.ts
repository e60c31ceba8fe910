// The review list: proposals of the cases the reviewer may act on (their teams' cases, and only when they
// may write the Education section). Another team's proposals are not listed, not even as a count. Showing a
// child's proposals is a read of their case, so each child shown is audited as one.
import type { ProposalStatus } from '../../domain/schools/school-proposal';
import { auditActor, canViewCase, type Actor } from '../cases/case-access';
import { requireEducationWriter, type SchoolImportDeps } from './school-import-deps';
import { presentProposal, type SchoolProposalView } from './school-proposal-view';

const SCANNED = 2000;
const SHOWN = 100;

export async function listSchoolProposals(deps: SchoolImportDeps, actor: Actor, status: ProposalStatus): Promise<{ proposals: SchoolProposalView[]; more: boolean }> {
  requireEducationWriter(deps.policy, actor, 'review school data');
  const all = await deps.store.withStatus(status, SCANNED);
  const teams = new Map((await deps.cases.labelsOf([...new Set(all.map((p) => p.caseId))])).map((l) => [l.id, l]));
  const mine = all.filter((p) => { const label = teams.get(p.caseId); return !!label && canViewCase(deps.policy, actor, label); });
  const shown = mine.slice(0, SHOWN);
  const records = new Map<string, Awaited<ReturnType<SchoolImportDeps['cases']['findById']>>>();
  for (const caseId of new Set(shown.map((p) => p.caseId))) records.set(caseId, await deps.cases.findById(caseId));
  const proposals: SchoolProposalView[] = [];
  for (const p of shown) {
    const record = records.get(p.caseId);
    if (record) proposals.push(await presentProposal(p, record, deps.nameOf));
  }
  for (const caseId of records.keys()) {
    await deps.audit.record({ actor: auditActor(actor), action: 'case.read', recordType: 'case', recordId: caseId, sections: ['education'], reason: `School data proposals (${status})` });
  }
  return { proposals, more: mine.length > SHOWN };
}
