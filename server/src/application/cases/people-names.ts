// People by name, never by id (issue 18): user ids on records, amendments and tasks become display
// names. One read per distinct id, served from memory on the single-server setup (UserCache).
import type { UserRepository } from '../../ports/user-repository.port';

export type NameDeps = { users: Pick<UserRepository, 'findById'> };

/** What a reader sees for an id that is no (longer a) user: never the id itself. */
export const unknownPerson = (id: string): string => (id === 'system' || id === 'engine' ? 'The system' : 'A former member of staff');

export async function namesOf(deps: NameDeps, ids: Iterable<string | undefined>): Promise<Map<string, string>> {
  const distinct = [...new Set([...ids].filter((id): id is string => !!id))];
  const found = await Promise.all(distinct.map(async (id) => [id, (await deps.users.findById(id))?.displayName?.trim() || unknownPerson(id)] as const));
  return new Map(found);
}

export const nameIn = (names: Map<string, string>, id: string | undefined): string | undefined => (id ? names.get(id) ?? unknownPerson(id) : undefined);
