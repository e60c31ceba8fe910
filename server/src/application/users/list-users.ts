// The administrators' user list: search by name, filter by role, team and active, paged.
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { isRoleInForce } from '../../domain/policies/table-in-force';
import { isRole, type User } from '../../domain/users/user';
import type { Page } from '../../ports/repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { bool, page, str, type QueryInput } from '../query-params';
import { requireAdministrator } from './user-admin-deps';

export async function listUsers(deps: { users: UserRepository }, actor: User, q: QueryInput): Promise<Page<User>> {
  requireAdministrator(actor);
  const errors: FieldErrors = {};
  const role = str(q, 'role', errors);
  if (role !== undefined && !isRole(role) && !isRoleInForce(role)) errors.role = `Unknown role "${role}"`;
  const query = { search: str(q, 'search', errors, 100), role: role as User['roles'][number] | undefined, team: str(q, 'team', errors, 40), active: bool(q, 'active', errors) };
  const paging = page(q, errors);
  if (Object.keys(errors).length) throw new ValidationError('Some filters are not valid', errors);
  return deps.users.list(query, paging);
}
