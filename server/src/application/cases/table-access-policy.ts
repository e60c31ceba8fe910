// The AccessPolicy the use cases ask, answered by the security module's permission table. Case
// visibility follows team membership (managers are members of the teams they manage).
import { can, isAction, readableSections, writableSections } from '../../domain/policies';
import type { AccessPolicy } from './case-access';

export const tableAccessPolicy: AccessPolicy = {
  can: (actor, action) => isAction(action) && can(actor, action),
  readableSections: (actor) => readableSections(actor),
  writableSections: (actor) => writableSections(actor),
  canViewCase: (actor, record) => actor.teams.includes(record.team),
};
