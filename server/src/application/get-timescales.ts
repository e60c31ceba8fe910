import type { TimescaleSet } from '../domain/timescales';
import type { TimescaleRepository } from '../ports/timescale-repository.port';

export interface GetTimescalesDeps {
  timescales: TimescaleRepository;
}

/** The current version (any signed-in user may read it: deadlines must be explainable to everyone). */
export async function getTimescales(deps: GetTimescalesDeps): Promise<TimescaleSet> {
  return deps.timescales.current();
}
