// What changing a timescale, adding or changing a retention rule and placing or lifting a legal hold accept,
// described for the OpenAPI document and the web client's types. The use cases check these bodies by hand
// (domain/timescales/timescale-validation.ts, domain/retention/*: every problem by field at once), and read
// only these fields.
import { z } from 'zod';
import { HOLD_SCOPES } from '../domain/retention/legal-hold';
import { RECORD_CLASSES, RETENTION_BASES } from '../domain/retention/retention-rule';
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

const years = z.number().int().min(1).max(100);
/** A rule's terms: what its period counts from, how long, and the reason for the change. */
export const retentionTermsBody = z.object({
  basis: z.enum(RETENTION_BASES).describe("DOB: from the child's date of birth; CASE: from the case's closure; ACTION: from the record's own date"),
  years, basicRecordAfterYears: years.nullable().optional().describe('Reduce to a basic record after this many years (fewer than years)'),
  roundToFinancialYearEnd: z.boolean(), reason: reason(5),
});
export const retentionRuleBody = retentionTermsBody.extend({
  id: z.string().regex(/^[a-z][a-z0-9-]{2,60}$/), recordClass: z.enum(RECORD_CLASSES), label: z.string().min(1).max(200), source: z.string().min(1).max(1000),
});
