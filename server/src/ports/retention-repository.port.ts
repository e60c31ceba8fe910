import type { CaseRetentionFacts, LegalHold, RetentionSchedule } from '../domain/retention';

export type RetentionVersionSummary = Omit<RetentionSchedule, 'rules'>;

/** Versioned retention schedule, like timescales: append-only versions, the current one is the highest. */
export interface RetentionScheduleRepository {
  current(): Promise<RetentionSchedule>;
  getVersion(version: number): Promise<RetentionSchedule | undefined>;
  /** Newest first. */
  history(): Promise<RetentionVersionSummary[]>;
  /** ConflictError when another edit took that version number first. */
  append(next: RetentionSchedule): Promise<void>;
}

export interface LegalHoldRepository {
  insert(hold: LegalHold): Promise<void>;
  findById(id: string): Promise<LegalHold | undefined>;
  /** Every hold not lifted (those past `until` included: the caller decides with today's date). */
  listUnlifted(): Promise<LegalHold[]>;
  /** Newest first, lifted ones included, for the data officer's page. */
  listAll(limit: number): Promise<LegalHold[]>;
  /** Sets the lift once; false when the hold was already lifted. */
  lift(id: string, lift: { liftedAt: string; liftedBy: string; liftReason: string }): Promise<boolean>;
}

/** The facts of cases retention needs, read in one projected pass (no per-case queries). */
export interface RetentionCaseReader {
  allCaseFacts(): AsyncIterable<CaseRetentionFacts>;
  caseFacts(caseId: string): Promise<CaseRetentionFacts | undefined>;
}
