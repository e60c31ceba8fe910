// Erasure of a case (issue 17, "Deletion means gone everywhere"). Stub: the signature is fixed so the
// retention review job can compile against it; the implementation follows.
import type { CaseTombstone } from '../../domain/cases/case-tombstone';
import { BusinessError } from '../../domain/errors';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';

export type { CaseTombstone };

export interface EraseCaseDeps {
  holds: LegalHoldChecker;
}

export interface EraseCaseInput {
  caseId: string;
  rule: string;
  approvedBy: string;
  approvalRef?: string;
}

export async function eraseCase(deps: EraseCaseDeps, input: EraseCaseInput): Promise<CaseTombstone> {
  void deps;
  void input;
  throw new BusinessError('NOT_IMPLEMENTED', 'Erasure of a case is not implemented yet');
}
