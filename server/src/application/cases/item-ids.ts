// Ids of collection items. An item a submission creates gets an id derived from the submission's id, the
// path of the group or list in the form and the row: a completion that is retried or recovered after a
// crash computes the same ids again, so it amends the item it created instead of adding a second one.
// An item added by hand (no submission) gets a random id. Both are short, URL- and Mongo-safe.
import { createHash, randomBytes } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import { assignItemIds, type NewItemId } from '../../domain/cases/form-collection-items';
import type { FormDefinition } from '../../forms-core';

export const submissionItemIds = (submissionId: string): NewItemId => (path, row) =>
  `i${createHash('sha256').update(`${submissionId}\u0000${path}\u0000${row}`).digest('hex').slice(0, 20)}`;

export const randomItemId = (): string => `m${randomBytes(10).toString('hex')}`;

/**
 * The answers with every collection item's id written at `<path>.id` (see form-collection-items.ts), ready
 * to be stored. An itemId expression that yields something other than an id refuses the answers.
 */
export function withItemIds(form: Pick<FormDefinition, 'components'>, data: Record<string, unknown>, submissionId: string, variables?: Record<string, unknown>): Record<string, unknown> {
  const assigned = assignItemIds(form, data, { variables, newId: submissionItemIds(submissionId) });
  if (!assigned.ok) throw new ValidationError('Some answers need correcting', assigned.errors, 'FORM_INVALID');
  return assigned.value;
}
