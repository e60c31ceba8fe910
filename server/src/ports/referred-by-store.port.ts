import type { CaseRecord } from '../domain/cases/case-record';
import type { SectionAppend } from './case-repository.port';

/**
 * Where refile-referred-by.ts finds cases whose referral filed "Referred by" under Personal (before it was
 * filed where the intake form asks it) and records, once, that none are left.
 */
export interface ReferredByStore {
  /** Whether the stored cases were already brought to the current filing. */
  done(): Promise<boolean>;
  recordDone(at: string): Promise<void>;
  /** Ids of the cases whose personal section holds a referralSource value. */
  casesToRefile(): AsyncIterable<string>;
  findById(id: string): Promise<CaseRecord | undefined>;
  /** Appends in order; resolves with how many were stored (fewer: a writer got there first). */
  appendAmendments(writes: SectionAppend[]): Promise<number>;
}
