// Users and the people index the escalation rules read, for unit tests.
import type { PeopleIndex } from '../../../../server/src/domain/escalation';
import type { User } from '../../../../server/src/domain/users/user';

export const user = (id: string, over: Partial<User> = {}): User => ({
  id, username: id, displayName: `User ${id}`, email: `${id}@example.org`, roles: ['case-managers'], teams: ['north'],
  active: true, createdAt: '2026-01-01T00:00:00.000Z', ...over,
});

export const people = (...users: User[]): PeopleIndex => ({
  byId: (id) => users.find((u) => u.id === id),
  inRole: (role) => users.filter((u) => (u.roles as string[]).includes(role)),
});
