import { Schema, type Connection, type Model } from 'mongoose';
import type { NewUser, User } from '../../domain/users/user';
import type { Page, PageRequest } from '../../ports/repository.port';
import type { LockState } from '../../domain/auth/lockout-policy';
import type { FailedAttempt, UserCredentials, UserListQuery, UserPatch, UserRepository } from '../../ports/user-repository.port';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import { withMongoErrors } from './mongo-errors';
import type { UserCache } from './user-cache';

interface UserDoc {
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  teams: string[];
  managerId?: string;
  active: boolean;
  passwordHash?: string;
  failedAttempts: number;
  lockedUntil?: Date;
  lastSignInAt?: Date;
  credentialsChangedAt?: Date;
  passwordSetBy?: string;
  createdAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    username: { type: String, required: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    // Checked by domain/users/user-rules.ts: the shipped roles or those of the permission table in force.
    roles: { type: [String], default: [] },
    teams: { type: [String], default: [] },
    managerId: { type: String },
    active: { type: Boolean, default: true },
    passwordHash: { type: String },
    failedAttempts: { type: Number, default: 0 },
    lockedUntil: { type: Date },
    lastSignInAt: { type: Date },
    credentialsChangedAt: { type: Date },
    passwordSetBy: { type: String },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'users', versionKey: false, strict: 'throw' },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ email: 1 }, { unique: true });

const isObjectId = (id: string) => /^[a-f0-9]{24}$/.test(id);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toUser(doc: UserDoc & { _id: unknown }): User {
  return {
    id: String(doc._id),
    username: doc.username,
    displayName: doc.displayName,
    email: doc.email,
    roles: doc.roles as User['roles'],
    teams: doc.teams,
    managerId: doc.managerId,
    active: doc.active,
    createdAt: doc.createdAt.toISOString(),
    ...(doc.lockedUntil ? { lockedUntil: doc.lockedUntil.toISOString() } : {}),
    ...(doc.lastSignInAt ? { lastSignInAt: doc.lastSignInAt.toISOString() } : {}),
    ...(doc.credentialsChangedAt ? { credentialsChangedAt: doc.credentialsChangedAt.toISOString() } : {}),
    ...(doc.passwordSetBy ? { passwordSetBy: doc.passwordSetBy } : {}),
  };
}

// One lock table per connection, not per repository: two repositories over one database (two modules,
// a test's pair) must still take turns writing to one user.
const userLocks = new WeakMap<Connection, KeyedMutex>();
function locksOf(conn: Connection): KeyedMutex {
  if (!userLocks.has(conn)) userLocks.set(conn, new KeyedMutex());
  return userLocks.get(conn)!;
}

export class MongoUserRepository implements UserRepository {
  private readonly model: Model<UserDoc>;
  private readonly cache?: UserCache;
  private readonly locks: KeyedMutex;

  /** `cache`: serve findById from memory (see user-cache.ts): the process's one cache, absent when several servers share the database. */
  constructor(conn: Connection, opts: { cache?: UserCache } = {}) {
    this.model = conn.models.User ?? conn.model<UserDoc>('User', userSchema);
    this.locks = locksOf(conn);
    this.cache = opts.cache;
  }

  /**
   * Runs a write to one user, one at a time per user in this process (FerretDB applies an update by
   * rewriting the document, so concurrent ones — two wrong passwords' $inc — could lose one), then
   * drops the user from the cache whatever the outcome.
   */
  private writing<T>(id: string, write: () => Promise<T>): Promise<T> {
    return this.locks.run(String(id), async () => {
      try {
        return await write();
      } finally {
        this.cache?.forget(String(id));
      }
    });
  }

  /** Builds the unique indexes; call once at start so duplicates are refused from the first write. */
  async init(): Promise<void> {
    await this.model.init();
  }

  private takenFields = (u: { username?: string; email?: string }, exceptId?: string) => async () => {
    const not = exceptId ? { _id: { $ne: exceptId } } : {};
    const taken: string[] = [];
    if (u.username && (await this.model.exists({ username: u.username.toLowerCase(), ...not }))) taken.push('username');
    if (u.email && (await this.model.exists({ email: u.email.toLowerCase(), ...not }))) taken.push('email');
    return taken;
  };

  async create(user: NewUser): Promise<User> {
    const doc = await withMongoErrors('user', () => this.model.create({ ...user, active: user.active ?? true }), this.takenFields(user));
    return toUser(doc.toObject());
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const doc = await this.model.findOne({ username: String(username).toLowerCase() }).lean();
    return doc ? toUser(doc) : undefined;
  }

  async findById(id: string): Promise<User | undefined> {
    if (!isObjectId(id)) return undefined;
    const load = async (key: string) => {
      const doc = await this.model.findById(key).lean();
      return doc ? toUser(doc) : undefined;
    };
    return this.cache ? this.cache.get(id, load) : load(id);
  }

  async count(): Promise<number> {
    return this.model.countDocuments();
  }

  async findCredentials(username: string): Promise<UserCredentials | undefined> {
    const doc = await this.model.findOne({ username: String(username).trim().toLowerCase() }).lean();
    if (!doc) return undefined;
    return { user: toUser(doc), passwordHash: doc.passwordHash, failedAttempts: doc.failedAttempts ?? 0, lockedUntil: doc.lockedUntil?.toISOString() };
  }

  async recordFailedAttempt(id: string, lockUntil: (state: LockState) => Date | undefined): Promise<FailedAttempt | undefined> {
    if (!isObjectId(id)) return undefined;
    // $inc is atomic on MongoDB but not on FerretDB 1.24, even by {_id} (measured: 10 parallel $inc from
    // 10 connections counted 2 to 10); the per-user lock makes the count and the lock decision one step.
    return this.writing(id, async () => {
      const doc = await this.model.findOneAndUpdate({ _id: id }, { $inc: { failedAttempts: 1 } }, { returnDocument: 'after' }).lean();
      if (!doc) return undefined;
      const state = { failedAttempts: doc.failedAttempts, lockedUntil: doc.lockedUntil?.toISOString() };
      const until = lockUntil(state);
      if (!until) return { ...state, locked: false };
      await this.model.updateOne({ _id: id }, { $set: { lockedUntil: until } });
      return { failedAttempts: state.failedAttempts, lockedUntil: until.toISOString(), locked: true };
    });
  }

  async lock(id: string, until: Date): Promise<void> {
    await this.writing(id, () => this.model.updateOne({ _id: id }, { $set: { lockedUntil: until, failedAttempts: 0 } }));
  }

  async recordSignIn(id: string, at: Date, newPasswordHash?: string): Promise<void> {
    const set: Partial<UserDoc> = { lastSignInAt: at, failedAttempts: 0, ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}) };
    await this.writing(id, () => this.model.updateOne({ _id: id }, { $set: set, $unset: { lockedUntil: 1 } }));
  }

  async update(id: string, patch: UserPatch): Promise<User | undefined> {
    if (!isObjectId(id)) return undefined;
    const { unlock, managerId, ...rest } = patch;
    const set: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const unset: Record<string, 1> = {};
    if (managerId === null) unset.managerId = 1;
    else if (managerId !== undefined) set.managerId = managerId;
    if (unlock) {
      unset.lockedUntil = 1;
      set.failedAttempts = 0;
    }
    const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
    if (Object.keys(update).length === 0) return this.findById(id);
    const doc = await this.writing(id, () =>
      withMongoErrors('user', () => this.model.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' }).lean(), this.takenFields({ email: patch.email }, id)),
    );
    return doc ? toUser(doc) : undefined;
  }

  async list(query: UserListQuery, page: PageRequest): Promise<Page<User>> {
    const filter: Record<string, unknown> = {};
    if (query.role) filter.roles = query.role;
    if (query.team) filter.teams = query.team;
    if (query.active !== undefined) filter.active = query.active;
    if (query.search) {
      const s = escapeRegex(query.search.trim().toLowerCase());
      filter.$or = [{ username: { $regex: `^${s}` } }, { displayName: { $regex: `(^|\\s)${s}`, $options: 'i' } }];
    }
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort({ username: 1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toUser), total, offset: page.offset, limit: page.limit };
  }
}
