import type { CaseRecord } from '../domain/cases/case-record';
import type { ReturnSummary, ReturnVersion } from '../domain/returns/return-version';

export interface ReturnRepository {
  /** Stores a new version; ConflictError (RETURN_VERSION_TAKEN) when another generation took its number first. */
  insert(v: ReturnVersion): Promise<void>;
  get(id: string): Promise<ReturnVersion | undefined>;
  /** A quarter's versions without their files, newest first (erased drafts left out). */
  ofQuarter(quarter: string): Promise<ReturnSummary[]>;
  /** The highest version number the quarter ever had, erased drafts included: a number is never used twice. */
  lastVersion(quarter: string): Promise<number>;
  /** Draft → submitted, once; false when the version is not a draft (already submitted, or gone). */
  markSubmitted(id: string, by: string, at: string): Promise<boolean>;
  /** Case erasure: drafts holding the case are emptied to a tombstone of their number (submitted files are kept: see docs/returns.md). */
  eraseDraftsOfCase(caseId: string): Promise<number>;
}

/** The cases a return may draw on, read one by one: those with an outcome or order recorded, and those opened in the period. */
export interface ReturnCaseSource {
  candidateIds(period: { start: string; end: string }): Promise<string[]>;
  findById(id: string): Promise<CaseRecord | undefined>;
  /** A submission's answers, by its id. */
  submission(id: string): Promise<{ formId: string; data: Record<string, unknown> } | undefined>;
}
