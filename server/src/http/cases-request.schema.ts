// Request shapes of the cases API.
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const duplicatesQuerySchema = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: civilDate,
  nhsNumber: z.string().max(20).optional(),
});

export const createCaseBodySchema = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  dateOfBirth: civilDate,
  nhsNumber: z.string().max(20).optional(),
  gender: z.string().max(50).optional(),
  team: text(100),
  caseManagerId: z.string().max(200).optional(),
  pathway: z.string().max(100).optional(),
  referralSource: z.string().max(100).optional(),
  confirmedNotDuplicate: z.boolean().optional(),
});

/** A new referral for a child whose case is open (the duplicate check found it). */
export const reReferralBodySchema = z.strictObject({
  referralSource: z.string().max(100).optional(),
});

export const getCaseQuerySchema = z.strictObject({
  /** Why the case is being opened ("break glass" outside the team); recorded in the audit log. */
  reason: z.string().max(500).optional(),
});

/** GET /cases/:id/chronology: one kind or all, a 1-based page, and the break-glass reason outside the team. */
export const chronologyQuerySchema = z.strictObject({
  kind: z.enum(['referral', 'contact', 'submission', 'amendment', 'milestone', 'email', 'access', 'document', 'consent']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  reason: z.string().max(500).optional(),
});

export const amendmentsQuerySchema = z.strictObject({
  section: z.string().max(50).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const amendBodySchema = z.strictObject({
  changes: z.record(z.string(), z.unknown()),
  reason: z.string().max(1000),
});

/** Start variables are plain named values; names are identifiers so FEEL can read them. */
export const startProcessBodySchema = z.strictObject({
  processId: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,99}$/, 'must be letters, digits, - and _, such as referral-intake'),
  variables: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a name of letters, digits and _ (not starting with a digit)'), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]))
    .optional(),
});
