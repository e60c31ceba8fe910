// What a proposed version would change for real people, without saving it ("3 users would gain read access
// to Health", with their names). Refused with field errors when the proposal breaks a safety rail.
import type { Actor } from '../cases/case-access';
import { checkPermissionProposal, type PermissionDeps, type PermissionProposal } from './check-permission-proposal';

export async function previewPermissionChange(deps: PermissionDeps, actor: Actor, proposal: PermissionProposal) {
  const { current, effect, changes, needsApproval } = await checkPermissionProposal(deps, actor, proposal);
  return { basedOn: current.version, effect, changes, needsApproval };
}
