// One generated case-level return: a version of a quarter's file with what went into it. A draft until the
// data officer marks it submitted; a submitted version is never changed again (its file is what the YJB
// holds). Regenerating a quarter makes a new draft version beside the earlier ones.
import type { BuiltReturn, ReturnProblem } from './build-return-records';

export type ReturnStatus = 'draft' | 'submitted';

export interface ReturnVersion {
  /** "<quarter>-v<version>", e.g. 2026-Q1-v2. */
  id: string;
  quarter: string;
  version: number;
  layoutId: string;
  layoutVersion: string;
  status: ReturnStatus;
  generatedAt: string;
  generatedBy: string;
  submittedAt?: string;
  submittedBy?: string;
  counts: BuiltReturn['counts'];
  problems: ReturnProblem[];
  /** The children whose data the file holds (the subjects of its disclosure). */
  caseIds: string[];
  fileName: string;
  /** SHA-256 of the file, hex: what was downloaded and submitted can be matched to what is kept. */
  sha256: string;
  xml: string;
}

export type ReturnSummary = Omit<ReturnVersion, 'xml'>;

export const returnVersionId = (quarter: string, version: number) => `${quarter}-v${version}`;
export const RETURN_VERSION_ID = /^\d{4}-Q[1-4]-v\d{1,4}$/;
