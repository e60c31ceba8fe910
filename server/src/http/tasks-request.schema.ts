// Request shapes of the tasks API. Query values arrive as strings; dates are ISO instants or YYYY-MM-DD.
import { z } from 'zod';
import { QUEUES } from '../application/tasks/task-queues';
import { QUEUE_SORT_FIELDS } from '../domain/tasks/queues';

const instant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a date (YYYY-MM-DD or ISO time)')
  .transform((s) => new Date(s).toISOString());
const id = z.string().min(1).max(200);

export const filtersShape = {
  processId: id.optional(),
  caseId: id.optional(),
  dueAfter: instant.optional(),
  dueBefore: instant.optional(),
  followUpAfter: instant.optional(),
  followUpBefore: instant.optional(),
  minPriority: z.coerce.number().int().min(0).max(100).optional(),
};

export const queueQuerySchema = z.strictObject({
  queue: z.enum(QUEUES).default('mine'),
  ...filtersShape,
  sort: z.enum(QUEUE_SORT_FIELDS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const noQuerySchema = z.strictObject({});

export const getTaskQuerySchema = z.strictObject({
  /** Why another team's task is being opened ("break glass", as for a case); recorded in the audit log. */
  reason: z.string().max(500).optional(),
});

export const savedFilterBodySchema = z.strictObject({
  queue: z.enum(QUEUES),
  filters: z.strictObject(filtersShape).default({}),
  sort: z.strictObject({ field: z.enum(QUEUE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).optional(),
});

export const reassignBodySchema = z.strictObject({ toUserId: id.nullable() });

export const completeBodySchema = z.strictObject({ data: z.record(z.string(), z.unknown()) });
