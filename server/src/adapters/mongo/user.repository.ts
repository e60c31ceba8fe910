import { Schema, type Connection, type Model } from 'mongoose';
import type { NewUser, User } from '../../domain/users/user';
import { ROLES } from '../../domain/users/user';
import type { UserRepository } from '../../ports/user-repository.port';
import { withMongoErrors } from './mongo-errors';

interface UserDoc {
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  teams: string[];
  managerId?: string;
  active: boolean;
  passwordHash?: string;
  createdAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    username: { type: String, required: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, trim: true },
    roles: { type: [String], enum: ROLES, default: [] },
    teams: { type: [String], default: [] },
    managerId: { type: String },
    active: { type: Boolean, default: true },
    passwordHash: { type: String },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'users', versionKey: false, strict: 'throw' },
);
userSchema.index({ username: 1 }, { unique: true });
userSchema.index({ email: 1 }, { unique: true });

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
  };
}

export class MongoUserRepository implements UserRepository {
  private readonly model: Model<UserDoc>;

  constructor(conn: Connection) {
    this.model = conn.models.User ?? conn.model<UserDoc>('User', userSchema);
  }

  /** Builds the unique indexes; call once at start so duplicates are refused from the first write. */
  async init(): Promise<void> {
    await this.model.init();
  }

  async create(user: NewUser): Promise<User> {
    const doc = await withMongoErrors(
      'user',
      () => this.model.create({ ...user, active: user.active ?? true }),
      async () => {
        const taken: string[] = [];
        if (await this.model.exists({ username: user.username.toLowerCase() })) taken.push('username');
        if (await this.model.exists({ email: user.email.toLowerCase() })) taken.push('email');
        return taken;
      },
    );
    return toUser(doc.toObject());
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const doc = await this.model.findOne({ username: String(username).toLowerCase() }).lean();
    return doc ? toUser(doc) : undefined;
  }

  async findById(id: string): Promise<User | undefined> {
    if (!/^[a-f0-9]{24}$/.test(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toUser(doc) : undefined;
  }

  async count(): Promise<number> {
    return this.model.countDocuments();
  }
}
