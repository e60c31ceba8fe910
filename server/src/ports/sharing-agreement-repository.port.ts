import type { AgreementTerms, SharingAgreement } from '../domain/sharing/sharing-agreement';

export interface SharingAgreementRepository {
  create(a: SharingAgreement): Promise<void>;
  /** Writes the new version when the stored one is still `expectedRevision` (else false); keeps the old one in history. */
  replace(a: SharingAgreement, expectedRevision: number): Promise<boolean>;
  findById(id: string): Promise<SharingAgreement | undefined>;
  /** All of them, newest first: a council has tens, not thousands. */
  list(): Promise<SharingAgreement[]>;
  /** Every version of one agreement, newest first. */
  history(id: string): Promise<(AgreementTerms & { revision: number; updatedAt: string; updatedBy: string })[]>;
}
