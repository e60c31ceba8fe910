// Teams (by key), memberships (by id) and moves (by id) in three collections, plus a head document whose
// revision other servers read by `_id` to notice a change. Progress of a move is `$addToSet` on its
// document, so a rerun of a step records nothing twice.
import type { Connection } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { Membership, Team } from '../../domain/teams/team';
import type { MoveFollowUp, TeamMove } from '../../domain/teams/team-move';
import type { TeamRepository } from '../../ports/team-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

type Doc<T, K extends keyof T> = Omit<T, K> & { _id: string };
const HEAD = 'teams';

export class MongoTeamRepository implements TeamRepository {
  constructor(private readonly conn: Connection) {}

  private get teamDocs() { return this.conn.collection<Doc<Team, 'key'>>('teams'); }
  private get memberDocs() { return this.conn.collection<Doc<Membership, 'id'>>('team_memberships'); }
  private get moveDocs() { return this.conn.collection<Doc<TeamMove, 'id'>>('team_moves'); }
  private get head() { return this.conn.collection<{ _id: string; rev: number; syncedOn?: string }>('team_head'); }

  async teams(): Promise<Team[]> {
    return (await this.teamDocs.find({}).sort({ _id: 1 }).toArray()).map(({ _id, ...t }) => ({ ...t, key: _id }) as Team);
  }

  async insertTeam(team: Team): Promise<void> {
    const { key, ...rest } = team;
    try {
      await this.teamDocs.insertOne({ _id: key, ...rest });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError(`There is already a team with the key ${key}`, 'TEAM_KEY_TAKEN');
    }
  }

  async putTeam(team: Team): Promise<void> {
    const { key, ...rest } = team;
    await this.teamDocs.replaceOne({ _id: key }, rest, { upsert: true });
  }

  async memberships(): Promise<Membership[]> {
    return (await this.memberDocs.find({}).toArray()).map(({ _id, ...m }) => ({ ...m, id: _id }) as Membership);
  }

  async putMembership(m: Membership): Promise<void> {
    const { id, ...rest } = m;
    await this.memberDocs.replaceOne({ _id: id }, rest, { upsert: true });
  }

  async revision(): Promise<number> {
    return (await this.head.findOne({ _id: HEAD }))?.rev ?? 0;
  }

  async bumpRevision(): Promise<void> {
    await this.head.updateOne({ _id: HEAD }, { $inc: { rev: 1 } }, { upsert: true });
  }

  async syncedOn(): Promise<string | undefined> {
    return (await this.head.findOne({ _id: HEAD }))?.syncedOn;
  }

  async markSynced(day: string): Promise<void> {
    await this.head.updateOne({ _id: HEAD }, { $set: { syncedOn: day } }, { upsert: true });
  }

  async moves(): Promise<TeamMove[]> {
    return (await this.moveDocs.find({}).sort({ startedAt: -1 }).limit(200).toArray()).map(({ _id, ...m }) => ({ ...m, id: _id }) as TeamMove);
  }

  async findMove(id: string): Promise<TeamMove | undefined> {
    const doc = await this.moveDocs.findOne({ _id: id });
    if (!doc) return undefined;
    const { _id, ...m } = doc;
    return { ...m, id: _id } as TeamMove;
  }

  async insertMove(move: TeamMove): Promise<void> {
    const { id, ...rest } = move;
    await this.moveDocs.insertOne({ _id: id, ...rest });
  }

  async recordProgress(id: string, list: keyof TeamMove['moved'], ids: readonly string[]): Promise<void> {
    if (ids.length) await this.moveDocs.updateOne({ _id: id }, { $addToSet: { [`moved.${list}`]: { $each: [...ids] } } });
  }

  async recordFollowUp<K extends MoveFollowUp>(id: string, list: K, items: NonNullable<TeamMove[K]>): Promise<void> {
    if (items.length) await this.moveDocs.updateOne({ _id: id }, { $addToSet: { [list]: { $each: [...items] } } });
  }

  async finishMove(id: string, at: string): Promise<void> {
    await this.moveDocs.updateOne({ _id: id }, { $set: { state: 'done', finishedAt: at } });
  }
}
