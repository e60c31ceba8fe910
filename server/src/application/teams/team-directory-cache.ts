// Keeps the teams and memberships in memory and puts them where the case-access rule reads them
// (domain/teams/teams-in-force.ts). A change on this server reloads at once; another server's change is
// noticed by a revision check — one read by `_id` of the head document — at most once per `maxAgeMs`,
// made before a request is handled, as the permission table's version check does. When the day turns the
// accounts' team lists are brought in line with dated memberships (sync-user-teams.ts).
import type { TeamDirectory } from '../../domain/teams/team-directory';
import type { TeamRepository } from '../../ports/team-repository.port';

export interface TeamDirectoryCacheOptions {
  teams: Pick<TeamRepository, 'teams' | 'memberships' | 'revision' | 'moves'>;
  put(directory: TeamDirectory): void;
  maxAgeMs: number;
  nowMs(): number;
  /** London's day now; a new day runs `onNewDay`. */
  day(): string;
  onNewDay(): Promise<void>;
}

export class TeamDirectoryCache {
  private current: TeamDirectory = { teams: [], memberships: [] };
  private rev = -1;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checkedDay?: string;
  private checking?: Promise<void>;

  constructor(private readonly options: TeamDirectoryCacheOptions) {}

  get directory(): TeamDirectory {
    return this.current;
  }

  /** `known`: the revision a check just read (no second read). */
  async load(known?: number): Promise<void> {
    const rev = known ?? await this.options.teams.revision();
    const [teams, memberships, moves] = await Promise.all([this.options.teams.teams(), this.options.teams.memberships(), this.options.teams.moves()]);
    this.current = { teams, memberships, moving: moves.filter((m) => m.state === 'running').map((m) => [...m.sources, m.target]) };
    this.rev = rev;
    this.checkedAt = this.options.nowMs();
    this.options.put(this.current);
  }

  ensureFresh(): Promise<void> {
    if (this.options.nowMs() - this.checkedAt < this.options.maxAgeMs) return Promise.resolve();
    this.checking ??= this.check().finally(() => { this.checking = undefined; });
    return this.checking;
  }

  private async check(): Promise<void> {
    const rev = await this.options.teams.revision();
    this.checkedAt = this.options.nowMs();
    if (rev !== this.rev) await this.load(rev);
    const day = this.options.day();
    if (day !== this.checkedDay) {
      this.checkedDay = day;
      await this.options.onNewDay();
    }
  }
}
