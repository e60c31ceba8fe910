import type { ProposalStatus, SchoolProposal } from '../domain/schools/school-proposal';

/** What is kept of an import: who sent which school's file, and the rows that matched no child (number and reason only). */
export interface SchoolImport {
  id: string;
  school: string;
  fileName: string;
  at: string;
  by: string;
  rows: number;
  proposals: number;
  unchanged: number;
  unmatched: { row: number; reason: string }[];
}

export interface SchoolImportStore {
  /** The import and its proposals, the proposals first (an import listed is one whose proposals exist). */
  save(record: SchoolImport, proposals: SchoolProposal[]): Promise<void>;
  proposal(id: string): Promise<SchoolProposal | undefined>;
  /** Pending proposals of these cases (an import leaves out what is already proposed). */
  pendingOf(caseIds: readonly string[]): Promise<SchoolProposal[]>;
  /** Proposals with this status, newest first. */
  withStatus(status: ProposalStatus, limit: number): Promise<SchoolProposal[]>;
  /** Moves a pending proposal to decided; false when it was no longer pending. */
  decide(id: string, to: Exclude<ProposalStatus, 'pending'>, by: string, at: string, reason?: string): Promise<boolean>;
  /** Puts a proposal back to pending (its accepted write failed). */
  reopen(id: string): Promise<void>;
  /** The case held under a unique pupil number, kept when a UPN proposal is accepted. */
  caseOfUpn(upn: string): Promise<string | undefined>;
  holdUpn(upn: string, caseId: string): Promise<void>;
  /** Case erasure: the case's proposals and UPN go. */
  eraseOfCase(caseId: string): Promise<number>;
}
