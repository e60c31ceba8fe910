// What changing a timescale and placing or lifting a legal hold accept, described for the OpenAPI document and
// the web client's types. The use cases check these bodies by hand (domain/timescales/timescale-validation.ts,
// domain/retention/legal-hold.ts: every problem by field at once), and the routes read only these fields.
import { z } from 'zod';
import { HOLD_SCOPES } from '../domain/retention/legal-hold';
import { TIMESCALE_UNITS } from '../domain/timescales/timescale';

const reason = (min: number) => z.string().min(min).max(1000).describe('Why, in words (kept in the history and the audit)');

export const timescaleEditBody = z.object({
  value: z.number().describe("The new value, in the unit (the timescale's own limits apply)"), unit: z.enum(TIMESCALE_UNITS), reason: reason(1),
});

export const legalHoldBody = z.object({
  scope: z.enum(HOLD_SCOPES).describe('case: this case; person: every case of its child; all: every record'),
  caseId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().describe('The case reference (not for scope all)'),
  reason: reason(5), until: z.string().describe('A date, YYYY-MM-DD, not in the past').nullable().optional(),
});

export const liftHoldBody = z.object({ reason: reason(5) });
