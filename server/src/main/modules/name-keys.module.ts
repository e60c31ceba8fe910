// Brings stored person name keys up to the current normalisation rule before anything compares them: it
// starts before the tasks module, whose start-up scan loads the duplicate check's index from those keys.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { MongoCaseRepository } from '../../adapters/mongo/case.repository';
import { MongoLegalHoldRepository } from '../../adapters/mongo/legal-hold.repository';
import { MongoNameKeyStore } from '../../adapters/mongo/name-key.store';
import { rekeyPersonNames } from '../../application/cases/rekey-person-names';
import type { Clock } from '../../ports/clock.port';
import type { SystemModule } from './module';

export function createNameKeysModule(deps: { conn: Connection; cases: MongoCaseRepository; clock: Clock; logger: Logger }): SystemModule {
  return {
    async start() {
      const store = new MongoNameKeyStore(deps.conn, deps.cases, new MongoLegalHoldRepository(deps.conn));
      const outcome = await rekeyPersonNames({ store, now: () => deps.clock.now() });
      if (outcome.fromVersion < outcome.toVersion) deps.logger.info(outcome, 'person name keys brought up to the current normalisation rule');
    },
  };
}
