// The AccessPolicy the use cases ask, answered by the security module's permission table. Case
// visibility follows the teams as data (domain/teams): a person's teams, the teams they manage and those
// they are head of service over, from the directory in force.
import { can, isAction, readableSections, writableSections } from '../../domain/policies';
import { reachInForce } from '../../domain/teams/teams-in-force';
import type { AccessPolicy } from './case-access';

export const tableAccessPolicy: AccessPolicy = {
  can: (actor, action) => isAction(action) && can(actor, action),
  readableSections: (actor) => readableSections(actor),
  writableSections: (actor) => writableSections(actor),
  canViewCase: (actor, record) => reachInForce(actor).includes(record.team),
};
