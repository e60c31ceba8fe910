// Bulk reads for the escalation sweep over the task queue and users collections. Raw collection access
// (not the owners' mongoose models) keeps these reads independent of the schemas' evolution, and the
// projections fetch only what planning uses.
import { type Connection, Types } from 'mongoose';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { User } from '../../domain/users/user';
import type { EscalationPeopleReader, EscalationTaskReader } from '../../ports/escalation-readers.port';
import { type TaskDoc, toQueueTask } from './task.repository';

export class MongoEscalationTaskReader implements EscalationTaskReader {
  constructor(private readonly conn: Connection) {}

  private get tasks() {
    return this.conn.collection<TaskDoc>('tasks');
  }

  async findById(id: string): Promise<QueueTask | undefined> {
    const d = await this.tasks.findOne({ _id: id });
    return d ? toQueueTask(d as TaskDoc) : undefined;
  }

  async *openDueBefore(moment: string, batchSize: number): AsyncIterable<QueueTask[]> {
    // MongoDB serves this from the {state, dueDate} index; FerretDB scans once. No sort: order is irrelevant.
    const cursor = this.tasks.find({ state: 'open', dueDate: { $ne: null, $lt: new Date(moment) } }).batchSize(batchSize);
    let batch: QueueTask[] = [];
    try {
      for await (const d of cursor) {
        batch.push(toQueueTask(d as TaskDoc));
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    } finally {
      await cursor.close();
    }
  }

  async openByInstance(instanceKey: string): Promise<QueueTask[]> {
    const docs = await this.tasks.find({ instanceKey, state: 'open' }).sort({ _id: 1 }).toArray();
    return docs.map((d) => toQueueTask(d as TaskDoc));
  }
}

interface UserRow {
  _id: unknown;
  username: string;
  displayName: string;
  email: string;
  roles?: string[];
  teams?: string[];
  managerId?: string;
  active?: boolean;
  createdAt?: Date;
}

const toUser = (d: UserRow): User => ({
  id: String(d._id),
  username: d.username,
  displayName: d.displayName,
  email: d.email,
  roles: (d.roles ?? []) as User['roles'],
  teams: d.teams ?? [],
  managerId: d.managerId,
  active: d.active !== false,
  createdAt: (d.createdAt ?? new Date(0)).toISOString(),
});

const PROJECTION = { username: 1, displayName: 1, email: 1, roles: 1, teams: 1, managerId: 1, active: 1, createdAt: 1 };

export class MongoEscalationPeopleReader implements EscalationPeopleReader {
  constructor(private readonly conn: Connection) {}

  private get users() {
    return this.conn.collection<UserRow>('users');
  }

  async findByIds(ids: string[]): Promise<User[]> {
    const keys = ids.map((id) => (/^[a-f0-9]{24}$/.test(id) ? new Types.ObjectId(id) : id));
    if (!keys.length) return [];
    const docs = await this.users.find({ _id: { $in: keys } } as never, { projection: PROJECTION }).toArray();
    return docs.map((d) => toUser(d as UserRow));
  }

  async findInRoles(roles: string[]): Promise<User[]> {
    if (!roles.length) return [];
    const docs = await this.users.find({ roles: { $in: roles } }, { projection: PROJECTION }).toArray();
    return docs.map((d) => toUser(d as UserRow));
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const doc = await this.users.findOne({ username }, { projection: PROJECTION });
    return doc ? toUser(doc as UserRow) : undefined;
  }
}
