// Access grants shown to administrators (domain/users/access-grant.ts). The collection holds a month or two of
// grants — starters, role changes and password resets by administrators, not every case read — so reading it
// whole is cheap; grants older than the window are removed when a new one is written (the audit log keeps them).
import type { Connection } from 'mongoose';
import { GRANT_SHOWN_DAYS, type AccessGrant } from '../../domain/users/access-grant';
import type { AccessGrantLog } from '../../ports/access-grant-log.port';

type Stored = Omit<AccessGrant, 'id'> & { _id: string };

const KEEP_MS = 2 * GRANT_SHOWN_DAYS * 86_400_000;

export class MongoAccessGrantLog implements AccessGrantLog {
  constructor(private readonly conn: Connection) {}

  private get grants() { return this.conn.collection<Stored>('access_grants'); }

  async record({ id, ...grant }: AccessGrant): Promise<void> {
    await this.grants.insertOne({ _id: id, ...grant, gained: [...grant.gained] });
    await this.grants.deleteMany({ at: { $lt: new Date(Date.parse(grant.at) - KEEP_MS).toISOString() } });
  }

  async since(since: string): Promise<AccessGrant[]> {
    // Newest first before the limit, so a busy month drops its oldest grants, never its newest.
    const docs = await this.grants.find({ at: { $gte: since } }).sort({ at: -1 }).limit(1000).toArray();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
