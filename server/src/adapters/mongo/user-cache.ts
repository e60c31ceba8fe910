// Users by id, in process. Every signed-in request re-reads its user (so deactivation and role changes
// apply at once), which on FerretDB is a scan of the users collection per request. Only valid when this
// process is the one server on its database (the embedded setup): every user write then goes through
// MongoUserRepository, which drops the entry, so a change still applies from the next request. The security
// module makes the one cache of the process on a single server and hands it to the repository; with several
// servers on one MongoDB it makes none.
import type { User } from '../../domain/users/user';

/** How often a kept user is re-read, should anything write users behind the repository (an operator's shell). */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export class UserCache {
  private readonly entries = new Map<string, { user: User; at: number; refreshing?: boolean }>();
  /** Bumped by every write: a read that started before a write must not cache what it read. */
  private generation = 0;

  constructor(private readonly ttlMs = TTL_MS) {}

  /**
   * An entry older than the TTL is still answered, and re-read in the background (one read at a time
   * per user), so no request waits for the database — the re-read only guards against writes that
   * bypassed the repository; writes through it drop the entry at once.
   */
  async get(id: string, load: (id: string) => Promise<User | undefined>): Promise<User | undefined> {
    const hit = this.entries.get(id);
    if (hit) {
      if (Date.now() - hit.at >= this.ttlMs && !hit.refreshing) {
        hit.refreshing = true;
        void this.read(id, load).catch(() => this.entries.delete(id));
      }
      return copy(hit.user);
    }
    return this.read(id, load);
  }

  private async read(id: string, load: (id: string) => Promise<User | undefined>): Promise<User | undefined> {
    const started = this.generation;
    const user = await load(id);
    if (started !== this.generation) return user; // a write overtook this read: keep nothing
    this.entries.delete(id); // re-inserted last, so the oldest entry is the first to go
    if (user) this.entries.set(id, { user: copy(user), at: Date.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return user;
  }

  /** Call after (and before) any write to a user. */
  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }
}

const copy = (u: User): User => ({ ...u, roles: [...u.roles], teams: [...u.teams] });
