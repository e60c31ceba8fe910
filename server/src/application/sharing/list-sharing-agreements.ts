// The register of agreements as the DPO and admins see it: each with whether it is in force today.
import { NotFoundError } from '../../domain/errors';
import { agreementStatus, inForce, type AgreementStatus, type RecipientKind, type SharingAgreement } from '../../domain/sharing/sharing-agreement';
import type { Clock } from '../../ports/clock.port';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import { assertMayReadAgreements, type SharingActor } from './sharing-access';

export interface ListAgreementsDeps {
  agreements: SharingAgreementRepository;
  clock: Clock;
}

export type AgreementView = SharingAgreement & { status: AgreementStatus };

export async function listSharingAgreements(deps: ListAgreementsDeps, actor: SharingActor): Promise<AgreementView[]> {
  assertMayReadAgreements(actor);
  const now = deps.clock.now();
  return (await deps.agreements.list()).map((a) => ({ ...a, status: agreementStatus(a, now) }));
}

export async function getSharingAgreement(deps: ListAgreementsDeps, actor: SharingActor, id: string) {
  assertMayReadAgreements(actor);
  const agreement = await deps.agreements.findById(id);
  if (!agreement) throw new NotFoundError('There is no such sharing agreement: choose one from the list', 'AGREEMENT_NOT_FOUND');
  return { agreement: { ...agreement, status: agreementStatus(agreement, deps.clock.now()) }, history: await deps.agreements.history(id) };
}

/** Agreements in force now, optionally for one kind of recipient (what the AssetPlus share step offers). */
export async function agreementsInForce(deps: ListAgreementsDeps, kind?: RecipientKind): Promise<SharingAgreement[]> {
  const now = deps.clock.now();
  return (await deps.agreements.list()).filter((a) => inForce(a, now) && (!kind || a.recipientKind === kind));
}
