// An administrator puts someone in a team from a day, or takes them out from a day. Nothing is deleted:
// leaving sets the membership's end, so the history of who was in which team stays. A change dated today
// or earlier reaches the person's account (and so their queues and cases) at once; a later one on its day.
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors';
import { checkDay, inEffect, type Membership } from '../../domain/teams/team';
import { teamsOn } from '../../domain/teams/team-directory';
import { guardOwnReach } from './self-reach-guard';
import { noteTeamGrants, teamGrantOf } from './team-access-given';
import { auditActor, requireTeamAdmin, sameMembers, today, type TeamActor, type TeamsDeps } from './team-deps';

export interface MembershipChange { userId: string; team: string; change: 'join' | 'leave'; on: string }

async function parse(deps: TeamsDeps, input: Record<string, unknown>): Promise<MembershipChange> {
  const errors: FieldErrors = {};
  for (const k of Object.keys(input)) if (!['userId', 'change', 'on'].includes(k)) errors[k] = 'Unknown field; allowed: userId, change, on';
  const user = typeof input.userId === 'string' ? await deps.users.findById(input.userId) : undefined;
  if (!user) errors.userId = 'Choose a person from the list';
  if (input.change !== 'join' && input.change !== 'leave') errors.change = 'Choose whether they join or leave the team';
  const on = checkDay('on', input.on, errors);
  if (Object.keys(errors).length) throw new ValidationError('Some details need correcting; nothing was saved', errors);
  return { userId: user!.id, team: '', change: input.change as 'join' | 'leave', on: on! };
}

export async function changeMembership(deps: TeamsDeps, actor: TeamActor, team: string, input: Record<string, unknown>): Promise<Membership[]> {
  requireTeamAdmin(actor);
  if (!deps.directory().teams.some((t) => t.key === team && t.active)) throw new NotFoundError(`No team ${team}`, 'TEAM_NOT_FOUND');
  const c = { ...(await parse(deps, input)), team };
  if (c.change === 'join' && c.userId === actor.id) await guardOwnReach(deps, actor, [team]);
  const grant = c.change === 'join' ? await teamGrantOf(deps, actor, c.userId, team) : undefined;
  const written = await applyMembershipChange(deps, c, 'Changed on the teams page');
  if (written.length) await noteTeamGrants(deps, [grant]);
  if (!written.length) {
    const words = c.change === 'join' ? 'is already in the team on that day' : 'is not in the team on that day';
    throw new ValidationError(`Nothing to change: the person ${words}`, { userId: `This person ${words}` }, 'MEMBERSHIP_UNCHANGED');
  }
  await deps.audit.record({ actor: auditActor(actor), action: `team.member-${c.change === 'join' ? 'joined' : 'left'}`, recordType: 'team', recordId: team, after: { userId: c.userId, on: c.on } });
  return written;
}

/** Writes the membership records of one change (none when it changes nothing) and updates the account when it is in effect today. */
export async function applyMembershipChange(deps: TeamsDeps, c: MembershipChange, reason: string): Promise<Membership[]> {
  const own = deps.directory().memberships.filter((m) => m.userId === c.userId && m.team === c.team);
  const open = own.find((m) => inEffect(m, c.on) || (m.from > c.on && !m.to));
  const written: Membership[] = [];
  if (c.change === 'join' && !open) written.push({ id: `${c.userId}:${c.team}:${c.on}`, userId: c.userId, team: c.team, from: c.on, reason });
  if (c.change === 'leave' && open && inEffect(open, c.on)) written.push({ ...open, to: c.on });
  for (const m of written) await deps.teams.putMembership(m);
  if (!written.length) return written;
  await deps.changed();
  const user = await deps.users.findById(c.userId);
  const now = teamsOn(deps.directory(), c.userId, today(deps.now()));
  if (user && !sameMembers(now, user.teams)) await deps.users.update(user.id, { teams: now });
  return written;
}

/**
 * A users-page change of an account's teams, as memberships from today: the teams it gained are joined and
 * those it lost are left, so the dated history stays the one record whichever page changed it.
 */
export async function recordAccountTeams(deps: TeamsDeps, userId: string, teams: readonly string[], reason: string): Promise<void> {
  const on = today(deps.now());
  const now = teamsOn(deps.directory(), userId, on);
  // Only a team of the directory is joined (an account's old team kept as it was is not a new membership).
  const active = new Set(deps.directory().teams.filter((t) => t.active).map((t) => t.key));
  for (const team of teams.filter((t) => !now.includes(t) && active.has(t))) await applyMembershipChange(deps, { userId, team, change: 'join', on }, reason);
  for (const team of now.filter((t) => !teams.includes(t))) await applyMembershipChange(deps, { userId, team, change: 'leave', on }, reason);
}
