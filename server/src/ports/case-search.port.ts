import type { CaseSearchRow } from '../domain/cases/case-search-row';

/**
 * Every case's search row (see domain/cases/case-search-row.ts), current as of the last acknowledged write.
 * The single server keeps them in memory; with several servers each call reads them from the database.
 */
export interface CaseSearchIndex {
  /**
   * Every case's row; `teams` says the caller needs only those teams' cases (the rows of other teams may
   * still be given — callers filter by the case rule anyway — but an index that reads the database reads only these).
   */
  rows(scope?: { teams: readonly string[] }): Promise<readonly CaseSearchRow[]>;
  /** The rows of these cases (unknown or erased ones left out), without reading every case. */
  rowsOf(ids: readonly string[]): Promise<CaseSearchRow[]>;
}

/** The last cases a person opened, newest first (the dashboard's "recent cases"). */
export interface RecentCaseStore {
  opened(userId: string, caseId: string, at: string): Promise<void>;
  recent(userId: string): Promise<{ caseId: string; at: string }[]>;
}
