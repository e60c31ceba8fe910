import { NotFoundError } from '../domain/errors';
import { findTimescale } from '../domain/timescales';
import type { TimescaleRepository, TimescaleVersionSummary } from '../ports/timescale-repository.port';

export interface GetTimescaleHistoryDeps {
  timescales: TimescaleRepository;
}

/** Who changed what, when and why — newest first; optionally for one timescale. */
export async function getTimescaleHistory(
  deps: GetTimescaleHistoryDeps,
  timescaleId?: string,
): Promise<TimescaleVersionSummary[]> {
  if (timescaleId && !findTimescale(await deps.timescales.current(), timescaleId)) {
    throw new NotFoundError(`No timescale ${timescaleId}`, 'TIMESCALE_NOT_FOUND');
  }
  return deps.timescales.history(timescaleId);
}
