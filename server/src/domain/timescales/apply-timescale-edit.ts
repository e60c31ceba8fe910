// Builds the next version of the set from an edit. Pure: storing it (and losing a race) is the repository's job.
import { NotFoundError, ValidationError } from '../errors';
import { type TimescaleSet, type TimescaleUnit, findTimescale } from './timescale';
import { validateTimescaleEdit } from './timescale-validation';

export interface EditRequest {
  timescaleId: string;
  value: unknown;
  unit: unknown;
  reason: unknown;
  by: string;
  at: Date;
}

export function applyTimescaleEdit(current: TimescaleSet, edit: EditRequest): TimescaleSet {
  const existing = findTimescale(current, edit.timescaleId);
  if (!existing) throw new NotFoundError(`No timescale ${edit.timescaleId}`, 'TIMESCALE_NOT_FOUND');
  const errors = validateTimescaleEdit(existing, edit);
  if (Object.keys(errors).length) throw new ValidationError('The timescale change is not valid', errors);

  const value = edit.value as number;
  const unit = edit.unit as TimescaleUnit;
  if (value === existing.value && unit === existing.unit) {
    // A version that changes nothing would only clutter the history managers read.
    throw new ValidationError('Nothing to change', { value: 'This is already the current value' }, 'NO_CHANGE');
  }
  return {
    version: current.version + 1,
    timescales: current.timescales.map((t) => (t.id === existing.id ? { ...t, value, unit } : t)),
    createdAt: edit.at.toISOString(),
    createdBy: edit.by,
    reason: (edit.reason as string).trim(),
    change: {
      timescaleId: existing.id,
      before: { value: existing.value, unit: existing.unit },
      after: { value, unit },
    },
  };
}
