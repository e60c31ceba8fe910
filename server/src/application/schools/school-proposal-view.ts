// A proposal as the review list shows it: the child by name, the fact in words beside what the record
// holds now, where it came from and, once decided, by whom.
import type { CaseRecord } from '../../domain/cases/case-record';
import { heldWords, PROPOSAL_KIND_WORDS, proposalWords } from '../../domain/schools/school-proposal-words';
import type { SchoolProposal } from '../../domain/schools/school-proposal';

export interface SchoolProposalView {
  id: string;
  caseId: string;
  child: string;
  team: string;
  kind: SchoolProposal['kind'];
  what: string;
  proposed: string;
  /** What the Education section holds now for the same fact, in words. */
  held?: string;
  school: string;
  row: number;
  importedAt: string;
  importedBy: string;
  status: SchoolProposal['status'];
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export async function presentProposal(p: SchoolProposal, record: Pick<CaseRecord, 'team' | 'identity' | 'sections'>, nameOf: (id: string) => Promise<string>): Promise<SchoolProposalView> {
  const held = heldWords(p.kind, record.sections.education?.values ?? {});
  return {
    id: p.id, caseId: p.caseId, child: record.identity.displayName, team: record.team, kind: p.kind, what: PROPOSAL_KIND_WORDS[p.kind],
    proposed: proposalWords(p.kind, p.values), ...(held ? { held } : {}), school: p.school, row: p.row, importedAt: p.createdAt,
    importedBy: await nameOf(p.createdBy), status: p.status,
    ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}), ...(p.decidedBy ? { decidedBy: await nameOf(p.decidedBy) } : {}), ...(p.reason ? { reason: p.reason } : {}),
  };
}
