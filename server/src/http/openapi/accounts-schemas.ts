// Response schemas of the users routes and the administrators' service accounts routes, checked against the
// routers' presenters and the use cases' own types as response-schemas.ts does.
import { z } from 'zod';
import type { listServiceAccounts } from '../../application/service-accounts/list-service-accounts';
import type { createServiceAccount } from '../../application/service-accounts/create-service-account';
import type { ServiceAccountView } from '../../application/service-accounts/service-account-admin';
import type { AccessGrant } from '../../domain/users/access-grant';
import type { Page } from '../../ports/repository.port';
import type { presentAdminUser, presentOutcome } from '../users.routes';
import type { labelledRoles } from '../../domain/users/role-labels';
import { describes, instant, keyed } from './schema-kit';

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const adminUser = describes<ReturnType<typeof presentAdminUser>>()(z.looseObject({
  id: z.string(), username: z.string(), displayName: z.string(), email: z.string(), roles: z.array(z.string()), teams: z.array(z.string()),
  managerId: z.string().nullable(), active: z.boolean(),
  lockedUntil: instant.nullable().describe('Set while the account refuses sign-in after repeated failures'), lastSignInAt: instant.nullable(),
}));

export const AdminUserAnswer = { name: 'AdminUser', schema: adminUser };
export const AdminUserPage = {
  name: 'AdminUserPage',
  schema: describes<Page<ReturnType<typeof presentAdminUser>>>()(z.looseObject({
    items: z.array(adminUser), total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
  })),
};
export const AdminUserSaved = {
  name: 'AdminUserSaved',
  schema: describes<ReturnType<typeof presentOutcome>>()(adminUser.extend({
    awaitingApproval: z.looseObject({
      id: z.string(), gained: z.array(z.string()).describe("What it would add to the account's reach, in words"),
      words: z.array(z.string()).describe('What would change, in words'),
    }).optional().describe("The roles and teams awaiting another administrator's approval (202); the account is saved without them"),
  })),
};
export const RoleChoices = {
  name: 'RoleChoices',
  schema: describes<{ items: string[]; labels: ReturnType<typeof labelledRoles> }>()(z.looseObject({
    items: z.array(z.string()).describe('The role keys of the permissions in force'), labels: z.array(keyed).describe('Each with its name'),
  })),
};
export const AccessGivenList = {
  name: 'AccessGivenList',
  schema: describes<{ days: number; items: AccessGrant[] }>()(z.looseObject({
    days: z.number().int().describe('How far back the list goes'),
    items: z.array(z.looseObject({
      id: z.string(), kind: z.enum(['created', 'changed', 'password']), userId: z.string(), userName: z.string(), by: z.string(), byName: z.string(),
      at: instant, gained: z.array(z.string()).describe('What the account reaches because of it, in words'),
    })),
  })),
};

const serviceAccount = describes<ServiceAccountView>()(z.looseObject({
  id: z.string(), name: z.string(), description: z.string().optional(), roles: z.array(z.string()), teams: z.array(z.string()), scopes: z.array(z.string()),
  tokenDays: z.number().int(), createdAt: instant, createdBy: z.string(), revokedAt: instant.optional(), revokedBy: z.string().optional(), revokeReason: z.string().optional(),
  approval: z.looseObject({
    state: z.enum(['awaiting', 'approved']), requestId: z.string(), decidedBy: z.string().optional(), decidedAt: instant.optional(),
  }).optional().describe("An account whose scopes read case data: its tokens work once another administrator approved it"),
  tokens: z.array(z.looseObject({
    id: z.string(), createdAt: instant, expiresAt: instant, state: z.enum(['valid', 'expired', 'revoked', 'awaiting-approval']), replacedBy: z.string().optional(),
  })).describe('Never the tokens themselves'),
}));

export const ServiceAccountAnswer = { name: 'ServiceAccount', schema: serviceAccount };
export const ServiceAccountList = {
  name: 'ServiceAccountList',
  schema: describes<Answer<typeof listServiceAccounts>>()(z.looseObject({
    items: z.array(serviceAccount),
    scopes: z.array(z.looseObject({ scope: z.string(), label: z.string(), reads: z.array(z.string()).readonly().optional() })).describe('The scopes an account may be given, in words'),
  })),
};
export const IssuedToken = {
  name: 'IssuedToken',
  schema: describes<Answer<typeof createServiceAccount>>()(z.looseObject({
    account: serviceAccount,
    token: z.string().describe('The token, shown this once: it is stored only as a hash'),
    awaitingApproval: z.looseObject({ id: z.string() }).optional()
      .describe('An account whose scopes read case data: its tokens work once another administrator approves this request (POST /api/admin/permissions/requests/:id/decision)'),
  })),
};
