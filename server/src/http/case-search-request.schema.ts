// Request shape of the cases list: GET /api/cases?q=&team=&status=&pathway=&worker=&rosh=&wellbeing=&disposal=&sort=&page=
// Unknown parameters are refused (400, named), as are repeated ones and anything that is not plain text.
import { z } from 'zod';
import { CASE_SORTS } from '../domain/cases/case-search-query';
import { RATINGS } from '../domain/cases/case-search-row';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && !v.trim() ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const caseSearchQuerySchema = z.strictObject({
  q: optional(z.string().trim().max(200)),
  team: optional(z.enum(['mine', 'all'])).transform((v) => v ?? 'mine'),
  status: optional(z.enum(['open', 'closed'])),
  pathway: optional(z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a pathway such as prevention')),
  worker: optional(z.string().regex(/^[A-Za-z0-9._@-]{1,200}$/, "must be 'me', 'none' or a worker's id")),
  rosh: optional(z.enum(RATINGS)),
  wellbeing: optional(z.enum(RATINGS)),
  disposal: optional(z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be an outcome or order such as youth-caution')),
  sort: optional(z.enum(CASE_SORTS)).transform((v) => v ?? 'name'),
  page: optional(z.coerce.number().int().min(1).max(10_000)).transform((v) => v ?? 1),
});

export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;
