// The integration API (bearer tokens of service accounts) and the administrators' service accounts routes.
import { z } from 'zod';
import type { HeldReferralView } from '../../application/integration/list-held-referrals';
import { IssuedToken, ServiceAccountAnswer, ServiceAccountList } from './accounts-schemas';
import { action, type ApiResource } from './api-operation';
import { IntegrationCase, PortalReferralAnswer } from './operations-schemas';
import { describes, instant } from './response-schemas';
import { DuplicateList } from './task-case-actions-schemas';
import { createServiceAccountSchema, heldDecisionSchema, portalReferralSchema, revokeAccountSchema, rotateTokenSchema } from '../integration-request.schema';

export const SERVICE_ACCOUNTS: ApiResource = {
  tag: 'Service accounts',
  description: 'Accounts for other systems (portals, social care): scopes, tokens shown once, rotation with an overlap, revocation.',
  base: '/api/admin/service-accounts',
  operations: [
    { method: 'get', path: '', summary: 'List service accounts with their tokens’ states (never the tokens)', access: action('administer-users'), response: ServiceAccountList },
    {
      method: 'post', path: '', summary: 'Create a service account; the answer holds its first token, shown once. One that reads case data works once another administrator approved it', access: action('administer-users'),
      body: createServiceAccountSchema, status: 201, response: IssuedToken,
    },
    {
      method: 'post', path: '/:id/rotate', summary: 'Issue a new token; the older ones keep working for the overlap (hours, 24 unless said; 0 ends them now)',
      access: action('administer-users'), body: rotateTokenSchema, status: 201, response: IssuedToken, errors: [422],
    },
    { method: 'post', path: '/:id/revoke', summary: 'Revoke a service account: every token stops working at once', access: action('administer-users'), body: revokeAccountSchema, response: ServiceAccountAnswer },
  ],
};

export const INTEGRATION: ApiResource = {
  tag: 'Integration',
  description: 'For other systems, with a service account’s bearer token (Authorization: Bearer yjs.<id>.<secret>); no session or CSRF token.',
  base: '/api/integration',
  operations: [
    {
      method: 'post', path: '/referrals', access: { scope: 'referrals:create' }, body: portalReferralSchema, status: 201, errors: [409], response: PortalReferralAnswer,
      also: [{ status: 202, when: 'Held: the child may already be known; a person decides, no record was made' }],
      summary: 'Send a referral (Idempotency-Key header required): 201 opens a case and starts referral and intake; 202 holds a likely duplicate for a person to decide; '
        + 'a resend with the same key repeats the first answer (Idempotent-Replayed: true); the same key with another body answers 422',
    },
    { method: 'get', path: '/cases/:id', summary: 'The Personal section of a case of the account’s teams', access: { scope: 'cases:read:personal' }, response: IntegrationCase },
  ],
};

/** A possible match, as the duplicate check answers it. */
const heldMatch = DuplicateList.schema.shape.items.element;
/** The held referrals of the person's teams (the client's held-referrals page reads this type: api-types.ts). */
export const HeldReferralList = {
  name: 'HeldReferralList',
  schema: describes<{ items: HeldReferralView[] }>()(z.looseObject({
    items: z.array(z.looseObject({
      id: z.string(), receivedAt: instant, from: z.string().describe('The system that sent it, by its name'),
      details: z.looseObject({
        givenName: z.string(), familyName: z.string(), dateOfBirth: z.string(), nhsNumber: z.string().optional(), gender: z.string().optional(),
        team: z.string(), referralSource: z.string(), portalReference: z.string().optional(),
      }),
      matches: z.array(heldMatch),
    })),
  })),
};
export const HeldDecisionAnswer = {
  name: 'HeldDecisionAnswer',
  schema: z.looseObject({ decision: z.enum(['new-case', 'join', 'not-a-referral']), caseId: z.string().optional().describe('The case opened or joined') }),
};

export const HELD_REFERRALS: ApiResource = {
  tag: 'Held referrals',
  description: 'Referrals a portal sent for a child who may already be known, for a person of the team to decide.',
  base: '/api/held-referrals',
  operations: [
    { method: 'get', path: '', summary: 'Held referrals of your teams, each with its possible matches', access: action('create-case'), response: HeldReferralList },
    {
      method: 'post', path: '/:id/decision',
      summary: 'Decide a held referral once: a new case (its intake started), a re-referral of the existing open case, or not a referral (with the reason)',
      access: action('create-case'), body: heldDecisionSchema, status: 201, response: HeldDecisionAnswer, errors: [404, 409],
    },
  ],
};
