import type { CaseSearchRow } from '../domain/cases/case-search-row';

/**
 * Every case's search row (see domain/cases/case-search-row.ts), current as of the last acknowledged write.
 * The single server keeps them in memory; with several servers each call reads them from the database.
 */
export interface CaseSearchIndex {
  rows(): Promise<readonly CaseSearchRow[]>;
  /** The rows of these cases (unknown or erased ones left out), without reading every case. */
  rowsOf(ids: readonly string[]): Promise<CaseSearchRow[]>;
}

/** The last cases a person opened, newest first (the dashboard's "recent cases"). */
export interface RecentCaseStore {
  opened(userId: string, caseId: string, at: string): Promise<void>;
  recent(userId: string): Promise<{ caseId: string; at: string }[]>;
}
