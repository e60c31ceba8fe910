// What a proposed version would change for real people, without saving it ("3 users would gain read access
// to Health", with their names). Refused with field errors when the proposal breaks a safety rail.
import type { PermissionRows } from '../../domain/policies';
import type { Actor } from '../cases/case-access';
import { checkPermissionProposal, type PermissionDeps } from './check-permission-proposal';

export async function previewPermissionChange(deps: PermissionDeps, actor: Actor, rows: PermissionRows) {
  const { current, effect, changes } = await checkPermissionProposal(deps, actor, rows);
  return { basedOn: current.version, effect, changes };
}
