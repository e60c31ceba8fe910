// Who hears about a task at each level. Owners are the assignee, or — while nobody has claimed it — the
// candidate users and the members of the candidate groups (limited to the task's team when it has one,
// so one late task does not mail every case manager in the council). Escalation climbs managerId links.
import type { User } from '../users/user';
import type { NoticeLevel } from './escalation-policy';

export interface RecipientTask {
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  team?: string;
}

/** Users already loaded for a sweep page; lookups are synchronous so planning stays pure. */
export interface PeopleIndex {
  byId(id: string): User | undefined;
  inRole(role: string): User[];
}

const distinct = (users: (User | undefined)[]): User[] => {
  const seen = new Map<string, User>();
  for (const u of users) if (u && u.active && !seen.has(u.id)) seen.set(u.id, u);
  return [...seen.values()];
};

export function ownersOf(task: RecipientTask, people: PeopleIndex): User[] {
  if (task.assignee) return distinct([people.byId(task.assignee)]);
  const members = distinct([
    ...task.candidateUsers.map((id) => people.byId(id)),
    ...task.candidateGroups.flatMap((g) => people.inRole(g)),
  ]);
  if (!task.team) return members;
  const inTeam = members.filter((u) => u.teams.includes(task.team!));
  return inTeam.length ? inTeam : members;
}

function managersOf(users: User[], people: PeopleIndex, exclude: User[]): User[] {
  const skip = new Set(exclude.map((u) => u.id));
  return distinct(users.map((u) => (u.managerId ? people.byId(u.managerId) : undefined))).filter((m) => !skip.has(m.id));
}

/** Level 1 when an owner has no manager on record: the team managers of the task's team. */
function teamManagers(task: RecipientTask, people: PeopleIndex, exclude: User[]): User[] {
  if (!task.team) return [];
  const skip = new Set(exclude.map((u) => u.id));
  return people.inRole('team-managers').filter((u) => u.active && u.teams.includes(task.team!) && !skip.has(u.id));
}

export function recipientsFor(task: RecipientTask, level: NoticeLevel, people: PeopleIndex): User[] {
  const owners = ownersOf(task, people);
  if (level === 'reminder' || level === 'overdue') return owners;
  const level1 = managersOf(owners, people, owners);
  const first = level1.length ? level1 : teamManagers(task, people, owners);
  if (level === 'escalation-1') return first;
  return managersOf(first, people, [...owners, ...first]);
}

/** Every user id the recipient rules may need for these tasks, before managers are known. */
export function firstHopIds(tasks: RecipientTask[]): { ids: string[]; roles: string[] } {
  const ids = new Set<string>();
  const roles = new Set<string>(['team-managers']);
  for (const t of tasks) {
    if (t.assignee) ids.add(t.assignee);
    else {
      t.candidateUsers.forEach((u) => ids.add(u));
      t.candidateGroups.forEach((g) => roles.add(g));
    }
  }
  return { ids: [...ids], roles: [...roles] };
}
