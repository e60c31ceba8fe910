// Loads, in three bulk reads, every user the recipient rules may touch for a batch of tasks: owners
// (assignees, candidate users, group members), their managers, and the managers above those. Planning
// then runs synchronously over the index. A directory lives for one sweep, caching across pages.
import { type FallbackTarget, type PeopleIndex, type RecipientTask, firstHopIds, mailboxRecipient } from '../../domain/escalation';
import type { User } from '../../domain/users/user';
import type { EscalationPeopleReader } from '../../ports/escalation-readers.port';

export class PeopleDirectory implements PeopleIndex {
  private readonly users = new Map<string, User>();
  private readonly roles = new Map<string, User[]>();
  private readonly missing = new Set<string>();
  private fallback?: Promise<User | undefined>;

  constructor(private readonly reader: EscalationPeopleReader) {}

  byId(id: string): User | undefined {
    return this.users.get(id);
  }

  inRole(role: string): User[] {
    return this.roles.get(role) ?? [];
  }

  async prepare(tasks: RecipientTask[]): Promise<this> {
    const { ids, roles } = firstHopIds(tasks);
    const newRoles = roles.filter((r) => !this.roles.has(r));
    if (newRoles.length) {
      const members = await this.reader.findInRoles(newRoles);
      for (const r of newRoles) this.roles.set(r, members.filter((u) => u.roles.includes(r as User['roles'][number])));
      members.forEach((u) => this.users.set(u.id, u));
    }
    let wanted = ids;
    // Owners, then their managers, then the next managers up: level 2 needs two hops.
    for (let hop = 0; hop < 3; hop += 1) {
      await this.load(wanted);
      wanted = [...this.users.values()].map((u) => u.managerId).filter((m): m is string => !!m);
    }
    return this;
  }

  /**
   * The fallback recipient, read once per directory (a sweep) and only when some notice needs it;
   * undefined when the configured user does not exist, is inactive or has no email address.
   */
  fallbackFor(target: FallbackTarget): Promise<User | undefined> {
    this.fallback ??= target.kind === 'mailbox'
      ? Promise.resolve(mailboxRecipient(target.email))
      : this.reader.findByUsername(target.username).then((u) => (u?.active && u.email ? u : undefined));
    return this.fallback;
  }

  private async load(ids: string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.users.has(id) && !this.missing.has(id));
    if (!unknown.length) return;
    const found = await this.reader.findByIds(unknown);
    found.forEach((u) => this.users.set(u.id, u));
    unknown.filter((id) => !this.users.has(id)).forEach((id) => this.missing.add(id));
  }
}
