// The permission rules a service account's call is decided by: the same table as for people (its roles and
// teams), narrowed by its scopes. A scope never widens: the sections readable are those the roles may read
// AND the scopes name. A system writes no case section directly (it sends referrals through the use cases)
// and never breaks glass, which needs a person's reason.
import { scopeSections } from '../../domain/integration/service-account';
import type { AccessPolicy } from '../cases/case-access';

export function scopedPolicy(base: AccessPolicy, scopes: readonly string[]): AccessPolicy {
  const sections = scopeSections(scopes);
  return {
    can: (actor, action) => action !== 'break-glass' && base.can(actor, action),
    readableSections: (actor) => base.readableSections(actor).filter((s) => sections.includes(s)),
    writableSections: () => [],
    canViewCase: (actor, record) => (base.canViewCase ? base.canViewCase(actor, record) : actor.teams.includes(record.team)),
  };
}
