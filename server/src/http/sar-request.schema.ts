// What recording a subject access request and its redaction decisions accept, described for the OpenAPI
// document and the web client's types. The use cases check these bodies by hand (application/sar/start-sar.ts,
// record-redactions.ts: every problem by field at once) and read only these fields.
import { z } from 'zod';
import { RELATIONSHIPS } from '../application/sar/start-sar';

const name = z.string().min(1).max(100);

export const startSarBody = z.object({
  subject: z.object({
    givenName: name, familyName: name, otherNames: z.array(z.string().max(200)).max(10).optional().describe('Names the child was also known by'),
    dateOfBirth: z.string().optional().describe('YYYY-MM-DD'), nhsNumber: z.string().optional().describe('A valid NHS number'),
  }).describe('Whose records are asked for'),
  requesterName: z.string().min(1).max(200), requesterRelationship: z.enum(RELATIONSHIPS as [string, ...string[]]),
  receivedOn: z.string().describe('The date the request was received, YYYY-MM-DD, not in the future'),
});

export const redactionsBody = z.object({
  decisions: z.array(z.object({
    itemId: z.string().max(1000).describe('An item of what was gathered'), decision: z.enum(['disclose', 'withhold']),
    reason: z.string().max(1000).describe('Why, for a withheld item'),
  })).min(1).max(5000),
});
