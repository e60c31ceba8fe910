import type { CaseAmendment } from '../domain/cases/case-amendment';
import type { CaseRecord, CaseSummary, SectionState } from '../domain/cases/case-record';
import type { CaseSection } from '../domain/cases/case-section';
import type { IdentityKeys } from '../domain/cases/person-identity';

export interface DuplicateCandidate extends CaseSummary {
  nhsNumber?: string;
  nameKey: string;
}

export interface SectionAppend {
  amendment: CaseAmendment;
  next: SectionState;
  /** The case's new identity, when this is the personal section and the person's identity changed. */
  identity?: CaseRecord['identity'];
}

/** What a task queue shows of a case: its team (to check visibility) and the child's display name. */
export interface CaseLabel {
  id: string;
  team: string;
  displayName: string;
}

export interface CaseRepository {
  /** Stores a new case and its first amendments; ConflictError when the id is taken. */
  create(record: CaseRecord, amendments: CaseAmendment[]): Promise<void>;
  findById(id: string): Promise<CaseRecord | undefined>;
  /** Cases with the same normalised name + date of birth, or the same NHS number. */
  findByIdentity(keys: IdentityKeys, limit: number): Promise<DuplicateCandidate[]>;
  /**
   * Appends an amendment whose seq must be the section's current revision + 1, then moves the section to
   * `next` state (and the identity, when the personal section changed). ConflictError (code SECTION_CHANGED)
   * when another writer got that seq first: reload and try again.
   */
  appendAmendment(amendment: CaseAmendment, next: SectionState, identity?: CaseRecord['identity']): Promise<void>;
  /**
   * Several sections changed by one submission, written together (one insert, one case update). Returns
   * how many were applied, in order: fewer than given when the next one's seq was taken by another writer
   * (that section is repaired; write it and the rest again, one by one).
   */
  appendAmendments(writes: SectionAppend[]): Promise<number>;
  /** Newest first. */
  listAmendments(caseId: string, sections: readonly CaseSection[], page: { offset: number; limit: number }): Promise<CaseAmendment[]>;
  /** The amendments a submission made, in one read (a retried completion applies and audits only what is missing). */
  amendmentsOfSubmission(caseId: string, submissionId: string): Promise<CaseAmendment[]>;
  /** Brings a section up to its newest amendment (a crash between storing an amendment and writing its section). */
  repairSection(caseId: string, section: CaseSection): Promise<void>;
  /** Labels of many cases in one read (a queue page); unknown ids are left out. */
  labelsOf(ids: readonly string[]): Promise<CaseLabel[]>;
  setOwnership(id: string, change: { team?: string; caseManagerId?: string; pathway?: string; status?: CaseRecord['status'] }): Promise<void>;
}
