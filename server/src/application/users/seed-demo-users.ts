// Demo accounts, one per role, with a manager chain (case manager → team manager → head of service)
// for escalation. Runs only when the users collection is empty — the first start — so it never
// overwrites or resurrects an account an administrator has changed. Two processes starting at once
// are safe: the unique username index refuses the second copy of each user.
import { ConflictError } from '../../domain/errors';
import type { Role, User } from '../../domain/users/user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { PasswordHasher } from '../../ports/password-hasher.port';
import type { UserRepository } from '../../ports/user-repository.port';

/** Documented in README. Demo only: set SEED_DEMO_USERS=false (or never start empty) in production. */
export const DEMO_PASSWORD = 'demo-password-2026';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  teams: string[];
  manager?: string; // username, created earlier in the list
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'hana.head', displayName: 'Hana Head', roles: ['team-managers'], teams: ['north', 'south'] },
  { username: 'tom.manager', displayName: 'Tom Manager', roles: ['team-managers'], teams: ['north'], manager: 'hana.head' },
  { username: 'sam.manager', displayName: 'Sam Manager', roles: ['team-managers'], teams: ['south'], manager: 'hana.head' },
  { username: 'cara.case', displayName: 'Cara Case', roles: ['case-managers'], teams: ['north'], manager: 'tom.manager' },
  { username: 'sol.case', displayName: 'Sol Case', roles: ['case-managers'], teams: ['south'], manager: 'sam.manager' },
  { username: 'colin.court', displayName: 'Colin Court', roles: ['court-officers'], teams: ['north'], manager: 'tom.manager' },
  { username: 'vicky.victim', displayName: 'Vicky Victim', roles: ['victim-workers'], teams: ['north'], manager: 'tom.manager' },
  { username: 'pat.panel', displayName: 'Pat Panel', roles: ['panel-coordinators'], teams: ['north'], manager: 'tom.manager' },
  { username: 'helen.health', displayName: 'Helen Health', roles: ['health-workers'], teams: ['north'], manager: 'tom.manager' },
  { username: 'dan.data', displayName: 'Dan Data', roles: ['data-officers'], teams: ['north', 'south'], manager: 'hana.head' },
  { username: 'dee.dpo', displayName: 'Dee Protection', roles: ['dpo'], teams: [] },
  { username: 'ada.admin', displayName: 'Ada Admin', roles: ['admins'], teams: [] },
];

export interface SeedDeps {
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
}

export interface SeedResult {
  seeded: boolean;
  created: string[];
}

export async function seedDemoUsers(deps: SeedDeps): Promise<SeedResult> {
  if ((await deps.users.count()) > 0) return { seeded: false, created: [] };
  const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  const created: string[] = [];
  for (const d of DEMO_USERS) {
    const managerId = d.manager ? ids.get(d.manager) : undefined;
    let user: User | undefined;
    try {
      user = await deps.users.create({
        username: d.username, displayName: d.displayName, email: `${d.username}@demo.yjs.invalid`,
        roles: d.roles, teams: d.teams, ...(managerId ? { managerId } : {}), passwordHash,
      });
      created.push(d.username);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      user = await deps.users.findByUsername(d.username); // another process seeded it first
    }
    if (user) ids.set(d.username, user.id);
  }
  if (created.length) {
    await deps.audit.record({ actor: { id: 'system', username: 'system' }, action: 'user.demo-seeded', recordType: 'user', after: { usernames: created } });
  }
  return { seeded: created.length > 0, created };
}
