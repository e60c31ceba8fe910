// A fake of the TimescaleRepository port for unit tests; the Mongo adapter has its own integration tests.
import { ConflictError } from '../../server/src/domain/errors';
import type { Timescale, TimescaleSet } from '../../server/src/domain/timescales';
import type { TimescaleRepository } from '../../server/src/ports/timescale-repository.port';

export function inMemoryTimescaleRepository(defaults: Timescale[]): TimescaleRepository & { versions: TimescaleSet[] } {
  const versions: TimescaleSet[] = [
    { version: 1, timescales: defaults, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system', reason: 'defaults' },
  ];
  return {
    versions,
    async current() {
      return versions[versions.length - 1];
    },
    async getVersion(v) {
      return versions.find((s) => s.version === v);
    },
    async history(id) {
      return versions
        .filter((s) => !id || s.version === 1 || s.change?.timescaleId === id)
        .map(({ timescales: _t, ...rest }) => rest)
        .reverse();
    },
    async append(next) {
      if (versions.some((s) => s.version === next.version)) throw new ConflictError('taken', 'TIMESCALE_VERSION_TAKEN');
      versions.push(next);
    },
  };
}
