// What the users routes accept, described for the OpenAPI document and the web client's types. The use
// cases check the body by hand (domain/users/user-rules.ts: every problem at once, by field), so these
// schemas describe the input rather than parse it; the limits written here are the rules'.
import { z } from 'zod';

const fields = {
  displayName: z.string().max(100).describe('The name people read, 1–100 characters'),
  email: z.string().max(300).describe('An email address'),
  roles: z.array(z.string()).min(1).describe('Role keys of the permissions in force (GET /api/users/roles)'),
  teams: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/)).max(20).describe('Team keys'),
  managerId: z.string().nullable().describe("The manager's user id; null or empty for none"),
  password: z.string().describe('At least the length the password rules ask, not containing the name, username or email'),
};

export const createUserBodySchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/).describe('3–40 characters: lower-case letters, digits, dot, dash or underscore'),
  displayName: fields.displayName, email: fields.email, roles: fields.roles, teams: fields.teams.optional(), managerId: fields.managerId.optional(),
  password: fields.password,
});

export const updateUserBodySchema = z.strictObject({
  displayName: fields.displayName.optional(), email: fields.email.optional(), roles: fields.roles.optional(), teams: fields.teams.optional(),
  managerId: fields.managerId.optional(), active: z.boolean().optional().describe('false deactivates the account'),
  unlock: z.boolean().optional().describe('true ends a lock after repeated failed sign-ins'), password: fields.password.optional(),
});
