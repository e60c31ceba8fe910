// At start, the service adopts what a new release of processes/timescales.json adds (new timescales for new
// processes) or rewords (status, source), as one new version by "system" with the reason listing them —
// managers' values stand. Several servers starting at once: the version number's unique index lets one
// win; the others find the defaults adopted when they look again.
import { ConflictError } from '../domain/errors';
import { mergeTimescaleDefaults, type Timescale } from '../domain/timescales';
import type { Clock } from '../ports/clock.port';
import type { TimescaleRepository } from '../ports/timescale-repository.port';

export interface AdoptTimescaleDefaultsDeps {
  timescales: TimescaleRepository;
  clock: Clock;
  defaults: readonly Timescale[];
}

export interface AdoptedDefaults {
  version?: number;
  added: string[];
  reworded: string[];
}

export async function adoptTimescaleDefaults(deps: AdoptTimescaleDefaultsDeps): Promise<AdoptedDefaults> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const adoption = mergeTimescaleDefaults(await deps.timescales.current(), deps.defaults, deps.clock.now());
    if (!adoption) return { added: [], reworded: [] };
    try {
      await deps.timescales.append(adoption.next);
      return { version: adoption.next.version, added: adoption.added, reworded: adoption.reworded };
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError('The timescales kept changing while the shipped defaults were being adopted', 'TIMESCALE_VERSION_TAKEN');
}
