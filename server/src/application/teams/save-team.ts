// An administrator makes a team or changes its name, managers or head of service. Managers and the head
// must be active accounts; the change is audited and reaches the case-access rule at once.
import { NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors';
import { checkPeople, checkTeamKey, checkTeamName, type Team } from '../../domain/teams/team';
import { guardOwnReach } from './self-reach-guard';
import { noteTeamGrants, teamGrantOf } from './team-access-given';
import { allUsers, auditActor, requireTeamAdmin, type TeamActor, type TeamsDeps } from './team-deps';

const FIELDS = ['key', 'name', 'managerIds', 'headOfServiceId'];

async function parse(deps: TeamsDeps, input: Record<string, unknown>, creating: boolean) {
  const errors: FieldErrors = {};
  for (const k of Object.keys(input)) if (!FIELDS.includes(k) || (!creating && k === 'key')) errors[k] = `Unknown field; allowed: ${FIELDS.filter((f) => creating || f !== 'key').join(', ')}`;
  const active = new Set((await allUsers(deps.users)).filter((u) => u.active).map((u) => u.id));
  const key = creating ? checkTeamKey(input.key, errors) : undefined;
  const name = 'name' in input || creating ? checkTeamName(input.name, errors) : undefined;
  const managerIds = 'managerIds' in input ? checkPeople('managerIds', input.managerIds, (id) => active.has(id), errors) : undefined;
  let head: string | null | undefined;
  if ('headOfServiceId' in input) {
    const h = input.headOfServiceId;
    if (h === null || h === '') head = null;
    else if (typeof h === 'string' && active.has(h)) head = h;
    else errors.headOfServiceId = 'Choose the head of service from the list, or none';
  }
  if (Object.keys(errors).length) throw new ValidationError('Some details need correcting; nothing was saved', errors);
  return { key, name, managerIds, head };
}

/** Managing or heading a team opens its cases, as membership does (team-directory.ts). */
const leads = (team: Team, userId: string) => team.managerIds.includes(userId) || team.headOfServiceId === userId;

/** The grants of the people a change makes the team's managers or head (someone else whose roles reach children's data). */
async function newLeaders(deps: TeamsDeps, actor: TeamActor, before: Team | undefined, team: Team) {
  const leaders = [...team.managerIds, ...(team.headOfServiceId ? [team.headOfServiceId] : [])].filter((id) => !before || !leads(before, id));
  return Promise.all([...new Set(leaders)].map((id) => teamGrantOf(deps, actor, id, team.key)));
}

function withHead(team: Team, head: string | null | undefined): Team {
  if (head === undefined) return team;
  const { headOfServiceId: _, ...rest } = team;
  return head ? { ...rest, headOfServiceId: head } : rest;
}

export async function createTeam(deps: TeamsDeps, actor: TeamActor, input: Record<string, unknown>): Promise<Team> {
  requireTeamAdmin(actor);
  const p = await parse(deps, input, true);
  const team = withHead({ key: p.key!, name: p.name!, managerIds: p.managerIds ?? [], active: true, createdAt: deps.now().toISOString() }, p.head);
  if (leads(team, actor.id)) await guardOwnReach(deps, actor, [team.key]);
  const grants = await newLeaders(deps, actor, undefined, team);
  await deps.teams.insertTeam(team);
  await deps.audit.record({ actor: auditActor(actor), action: 'team.created', recordType: 'team', recordId: team.key, after: { ...team } });
  await deps.changed();
  await noteTeamGrants(deps, grants);
  return team;
}

export async function updateTeam(deps: TeamsDeps, actor: TeamActor, key: string, input: Record<string, unknown>): Promise<Team> {
  requireTeamAdmin(actor);
  const before = deps.directory().teams.find((t) => t.key === key && t.active);
  if (!before) throw new NotFoundError(`No team ${key}`, 'TEAM_NOT_FOUND');
  const p = await parse(deps, input, false);
  const team = withHead({ ...before, ...(p.name ? { name: p.name } : {}), ...(p.managerIds ? { managerIds: p.managerIds } : {}) }, p.head);
  if (leads(team, actor.id) && !leads(before, actor.id)) await guardOwnReach(deps, actor, [key]);
  const grants = await newLeaders(deps, actor, before, team);
  await deps.teams.putTeam(team);
  await deps.audit.record({
    actor: auditActor(actor), action: 'team.updated', recordType: 'team', recordId: key,
    before: { name: before.name, managerIds: before.managerIds, headOfServiceId: before.headOfServiceId ?? null },
    after: { name: team.name, managerIds: team.managerIds, headOfServiceId: team.headOfServiceId ?? null },
  });
  await deps.changed();
  await noteTeamGrants(deps, grants);
  return team;
}
