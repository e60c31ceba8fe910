// The in-process user cache's rules, with a loader standing in for the repository's read.
import { UserCache } from '../../../server/src/adapters/mongo/user-cache';
import type { User } from '../../../server/src/domain/users/user';

const user = (roles: User['roles'], active = true): User => ({
  id: 'u1', username: 'ann', displayName: 'Ann', email: 'ann@example.org', roles, teams: ['north'], active, createdAt: '2026-11-24T09:00:00.000Z',
});

describe('user cache', () => {
  it('reads once, then answers from memory with a copy the caller cannot spoil', async () => {
    const cache = new UserCache();
    let reads = 0;
    const load = async () => (reads++, user(['case-managers']));
    const first = (await cache.get('u1', load))!;
    first.roles.push('admins');
    expect((await cache.get('u1', load))!.roles).toEqual(['case-managers']);
    expect(reads).toBe(1);
  });

  it('forgets on a write, so the next request sees the change', async () => {
    const cache = new UserCache();
    let stored = user(['case-managers']);
    await cache.get('u1', async () => stored);
    stored = user(['team-managers'], false);
    cache.forget('u1');
    expect(await cache.get('u1', async () => stored)).toMatchObject({ roles: ['team-managers'], active: false });
  });

  it('keeps nothing from a read that a write overtook', async () => {
    const cache = new UserCache();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const reading = cache.get('u1', async () => (await slow, user(['case-managers'])));
    cache.forget('u1'); // e.g. an administrator removed the role while the read was in flight
    release();
    await reading;
    expect(await cache.get('u1', async () => user([]))).toMatchObject({ roles: [] });
  });

  it('after its time answers the kept user and re-reads in the background, once', async () => {
    const cache = new UserCache(0);
    let reads = 0;
    let stored = user(['case-managers']);
    const load = async () => (reads++, stored);
    await cache.get('u1', load);
    stored = user(['court-officers']);
    const answers = await Promise.all([cache.get('u1', load), cache.get('u1', load)]);
    expect(answers.map((u) => u!.roles[0])).toEqual(['case-managers', 'case-managers']);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(2);
    expect((await cache.get('u1', load))!.roles).toEqual(['court-officers']);
  });
});
