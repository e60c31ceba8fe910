// After a merge or split, an open task that moved with its case may still be claimed by someone who does
// not reach the team it is in now (a split leaves them behind; a head of service of an old team is not
// the new team's). They could no longer open it, so it goes back to the team's queue, where its members
// and managers see it. Safe to repeat: a task given back is unassigned, and a rerun finds nobody to release.
import { isDomainError } from '../../domain/errors';
import type { TeamMove } from '../../domain/teams/team-move';
import { teamReach, teamsOn } from '../../domain/teams/team-directory';
import { assignInEngine } from '../tasks/claim-task';
import type { MoveDeps } from './move-teams';

export async function releaseStrayTasks(deps: MoveDeps, move: TeamMove): Promise<void> {
  // As it will be when the move ends: not the "both sides reach both teams" of a move under way.
  const { teams, memberships } = deps.directory();
  const directory = { teams, memberships };
  const reaches = (userId: string) => teamReach(directory, { id: userId, teams: teamsOn(directory, userId, move.on) }).includes(move.target);
  const by = move.startedBy.id;
  for (const id of move.moved.tasks) {
    const task = await deps.tasks.findById(id);
    if (!task || task.state !== 'open' || !task.assignee || reaches(task.assignee)) continue;
    const at = deps.now().toISOString();
    await deps.tasks.reassign(id, undefined, at);
    try {
      await assignInEngine(deps.engine, id, null, { by, action: 'unassign', verb: 'Giving back' }, () => deps.tasks.reassign(id, task.assignee, task.claimedAt ?? at));
    } catch (e) {
      // The process refused (an assigning listener): the claim stays as it was and the move goes on.
      if (!isDomainError(e)) throw e;
      continue;
    }
    await deps.audit.record({
      actor: { id: by, roles: [] }, action: 'task.reassign', recordType: 'task', recordId: id, key: `${move.id}:release:${id}`, reason: `Team ${move.kind}: ${move.reason}`,
      before: { assignee: task.assignee }, after: { assignee: null, ...(task.caseId ? { caseId: task.caseId } : {}), move: move.id },
    });
    await deps.teams.recordFollowUp(move.id, 'released', [{ taskId: id, userId: task.assignee, task: task.name }]);
  }
}
