// Consent records and restrictions of processing, per case (domain/consent). Erasure of a case removes both
// (eraseCase), like every other store of the case.
import type { CaseRestriction } from '../domain/consent/case-restriction';
import type { ConsentRecord, ConsentWithdrawal } from '../domain/consent/consent-record';

export interface ConsentRepository {
  /** Stores a record; an existing id (the same form submission recorded twice) is left as it was: false. */
  create(record: ConsentRecord): Promise<boolean>;
  listForCase(caseId: string): Promise<ConsentRecord[]>;
  findById(id: string): Promise<ConsentRecord | undefined>;
  /** Writes the withdrawal onto a record not yet withdrawn; false when it already was. */
  withdraw(id: string, withdrawal: ConsentWithdrawal): Promise<boolean>;
  restrictionOf(caseId: string): Promise<CaseRestriction | undefined>;
  saveRestriction(restriction: CaseRestriction): Promise<void>;
  /** Removes everything of the case (erasure). */
  eraseCase(caseId: string): Promise<void>;
}
