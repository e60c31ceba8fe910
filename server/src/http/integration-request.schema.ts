// Request shapes of /api/integration (systems, bearer tokens) and /api/admin/service-accounts (admins).
import { z } from 'zod';
import { REFERRAL_SOURCES } from '../domain/cases/referral-start-variables';
import { MAX_OVERLAP_HOURS } from '../domain/integration/service-account';

const text = (max: number) => z.string().trim().min(1).max(max);
const name = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be a short name of lower-case letters, digits and dashes');

/** A referral from a police or court portal: the referral page's fields, with the portal's own reference. */
export const portalReferralSchema = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  nhsNumber: z.string().max(20).optional(),
  gender: z.string().max(50).optional(),
  team: name.optional(),
  referralSource: z.enum(REFERRAL_SOURCES.map((s) => s.value) as [string, ...string[]]).default('portal'),
  portalReference: text(100).optional(),
});

/** The Idempotency-Key header: any printable text a portal chooses, such as a UUID. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{8,200}$/);

export const createServiceAccountSchema = z.strictObject({
  name: text(100),
  description: z.string().max(500).optional(),
  roles: z.array(z.string().max(100)).max(10),
  teams: z.array(z.string().max(100)).max(20),
  scopes: z.array(z.string().max(100)).max(20),
  tokenDays: z.number().int().min(1).max(365).default(90),
});

export const rotateTokenSchema = z.strictObject({
  overlapHours: z.number().int().min(0).max(MAX_OVERLAP_HOURS).optional(),
});

export const revokeAccountSchema = z.strictObject({
  reason: text(500),
});

/** A person's decision on a held referral: a different child, the child of this existing case, or no referral
 * for this service at all (sent in error, a test, not a child) — that one with its reason. */
export const heldDecisionSchema = z.strictObject({
  decision: z.enum(['new-case', 'join', 'not-a-referral']),
  caseId: z.string().min(1).max(100).optional(),
  reason: z.string().max(1000).optional(),
});
