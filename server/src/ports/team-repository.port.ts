import type { Membership, Team } from '../domain/teams/team';
import type { MoveFollowUp, TeamMove } from '../domain/teams/team-move';

/** Teams, effective-dated memberships and restructure moves (domain/teams). */
export interface TeamRepository {
  teams(): Promise<Team[]>;
  /** ConflictError when the key is taken. */
  insertTeam(team: Team): Promise<void>;
  putTeam(team: Team): Promise<void>;
  memberships(): Promise<Membership[]>;
  /** Idempotent by id. */
  putMembership(m: Membership): Promise<void>;
  /** Bumped on every change, read by `_id`: how other servers notice a change (TOPOLOGY=shared). */
  revision(): Promise<number>;
  bumpRevision(): Promise<void>;
  /** The day the accounts' team lists were last brought in line with the memberships. */
  syncedOn(): Promise<string | undefined>;
  markSynced(day: string): Promise<void>;
  moves(): Promise<TeamMove[]>;
  findMove(id: string): Promise<TeamMove | undefined>;
  insertMove(move: TeamMove): Promise<void>;
  /** Adds ids to a progress list (a set: a rerun adds nothing twice). */
  recordProgress(id: string, list: keyof TeamMove['moved'], ids: readonly string[]): Promise<void>;
  /** Adds what a manager should look at after the move (a set, as progress). */
  recordFollowUp<K extends MoveFollowUp>(id: string, list: K, items: NonNullable<TeamMove[K]>): Promise<void>;
  finishMove(id: string, at: string): Promise<void>;
}
