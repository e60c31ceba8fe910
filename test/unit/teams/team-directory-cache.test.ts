// Another server's team change is seen here within the check interval: one revision read when the last check
// is older than that, a reload only when the revision moved, and the day's sync when the day turns.
import { TeamDirectoryCache } from '../../../server/src/application/teams/team-directory-cache';
import type { TeamDirectory } from '../../../server/src/domain/teams/team-directory';
import type { Team } from '../../../server/src/domain/teams/team';

const team = (key: string): Team => ({ key, name: key, managerIds: [], active: true, createdAt: '2026-01-01T00:00:00Z' });

describe('the team directory cache', () => {
  it('checks the revision at most once per interval and reloads only when it moved', async () => {
    const stored = { rev: 1, teams: [team('north')], reads: 0, loads: 0 };
    let ms = 0;
    let day = '2026-12-02';
    const put: TeamDirectory[] = [];
    const newDays: string[] = [];
    const cache = new TeamDirectoryCache({
      teams: {
        revision: async () => { stored.reads++; return stored.rev; },
        teams: async () => { stored.loads++; return [...stored.teams]; },
        memberships: async () => [],
        moves: async () => [],
      },
      put: (d) => put.push(d), maxAgeMs: 2000, nowMs: () => ms, day: () => day, onNewDay: async () => { newDays.push(day); },
    });
    await cache.load();
    expect(put.at(-1)!.teams.map((t) => t.key)).toEqual(['north']);

    stored.rev = 2;
    stored.teams.push(team('south'));
    ms = 1999;
    await cache.ensureFresh();
    expect([stored.reads, stored.loads]).toEqual([1, 1]); // too soon: not even a revision read
    ms = 2000;
    await Promise.all([cache.ensureFresh(), cache.ensureFresh()]); // concurrent requests share one check
    expect([stored.reads, stored.loads]).toEqual([2, 2]);
    expect(cache.directory.teams.map((t) => t.key)).toEqual(['north', 'south']);
    expect(newDays).toEqual(['2026-12-02']);

    ms = 4000;
    await cache.ensureFresh();
    expect([stored.reads, stored.loads]).toEqual([3, 2]); // same revision: no reload
    day = '2026-12-03';
    ms = 6000;
    await cache.ensureFresh();
    expect(newDays).toEqual(['2026-12-02', '2026-12-03']);
  });
});
