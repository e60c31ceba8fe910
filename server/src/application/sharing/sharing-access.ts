// Who manages sharing. Agreements are the data protection officer's (see domain/sharing/sharing-agreement.ts);
// admins read them to run a subscription under one. Webhook subscriptions are the admins': they run systems,
// as they run the mail outbox (application/escalation/list-outbox.ts decides by role the same way).
import { ForbiddenError } from '../../domain/errors';

export interface SharingActor {
  id: string;
  roles: readonly string[];
}

export const AGREEMENT_EDITORS: readonly string[] = ['dpo'];
export const AGREEMENT_READERS: readonly string[] = ['dpo', 'admins'];
export const WEBHOOK_ADMINS: readonly string[] = ['admins'];

const hasRole = (actor: SharingActor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));

export function assertMayEditAgreements(actor: SharingActor): void {
  if (!hasRole(actor, AGREEMENT_EDITORS)) throw new ForbiddenError('Only the data protection officer may make or change data sharing agreements', 'SHARING_FORBIDDEN');
}
export function assertMayReadAgreements(actor: SharingActor): void {
  if (!hasRole(actor, AGREEMENT_READERS)) throw new ForbiddenError('Only the data protection officer and admins may see data sharing agreements', 'SHARING_FORBIDDEN');
}
export function assertWebhookAdmin(actor: SharingActor): void {
  if (!hasRole(actor, WEBHOOK_ADMINS)) throw new ForbiddenError('Only admins may manage event subscriptions', 'WEBHOOKS_FORBIDDEN');
}
