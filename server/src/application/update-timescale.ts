// A manager changes one timescale. The change becomes a new version; deadlines already calculated keep
// the version they were calculated with (the instance records it), new calculations use this one.
import { ForbiddenError } from '../domain/errors';
import { can } from '../domain/policies/policies';
import { type TimescaleSet, applyTimescaleEdit } from '../domain/timescales';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';

export interface UpdateTimescaleDeps {
  timescales: TimescaleRepository;
  clock: Clock;
}

export interface Actor {
  id: string;
  roles: readonly string[];
}

export interface UpdateTimescaleInput {
  timescaleId: string;
  value: unknown;
  unit: unknown;
  reason: unknown;
}

export async function updateTimescale(
  deps: UpdateTimescaleDeps,
  actor: Actor,
  input: UpdateTimescaleInput,
): Promise<TimescaleSet> {
  // The permission table (domain/policies) is the one place that says who may edit timescales.
  if (!can(actor, 'edit-timescales')) {
    throw new ForbiddenError('Only team managers may change timescales', 'TIMESCALE_EDIT_FORBIDDEN');
  }
  const current = await deps.timescales.current();
  const next = applyTimescaleEdit(current, { ...input, by: actor.id, at: deps.clock.now() });
  await deps.timescales.append(next);
  return next;
}
