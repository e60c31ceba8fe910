// What the audit search and changing one's password accept, described for the OpenAPI document and the web
// client's types. Their use cases check them by hand (application/audit/search-audit.ts,
// application/auth/change-password.ts: every problem by field at once); the search ignores other parameters.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

export const auditSearchQuery = z.object({
  actorId: text(100).optional().describe('Who acted (a user or service account id)'),
  action: text(100).optional().describe('What was done, e.g. case.read'),
  recordType: text(40).optional(), recordId: text(100).optional(),
  section: text(40).optional().describe('A case section the event touched'),
  flagged: z.enum(['true', 'false']).optional().describe('Only break-glass and other flagged events'),
  from: z.string().optional().describe('From this time (ISO 8601, at least YYYY-MM-DD)'), to: z.string().optional().describe('Up to this time; after from'),
  offset: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(200).optional().describe('50 unless said'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string(), newPassword: z.string().describe('Different from the current one; the password rules apply'),
});
