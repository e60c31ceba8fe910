// Brings stored person name keys up to the current normalisation rule before anything compares them: it
// starts before the tasks module, whose start-up scan loads the duplicate check's index from those keys.
// Then files "Referred by" of older cases where the intake form asks it (refile-referred-by.ts), before
// anything reads or writes a case.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { MongoCaseRepository } from '../../adapters/mongo/case.repository';
import { MongoLegalHoldRepository } from '../../adapters/mongo/legal-hold.repository';
import { MongoNameKeyStore } from '../../adapters/mongo/name-key.store';
import { MongoReferredByStore } from '../../adapters/mongo/referred-by.store';
import { refileReferredBy } from '../../application/cases/refile-referred-by';
import { rekeyPersonNames } from '../../application/cases/rekey-person-names';
import type { Clock } from '../../ports/clock.port';
import type { SystemModule } from './module';

export function createNameKeysModule(deps: { conn: Connection; cases: MongoCaseRepository; clock: Clock; logger: Logger }): SystemModule {
  return {
    async start() {
      const store = new MongoNameKeyStore(deps.conn, deps.cases, new MongoLegalHoldRepository(deps.conn));
      const outcome = await rekeyPersonNames({ store, now: () => deps.clock.now() });
      if (outcome.fromVersion < outcome.toVersion) deps.logger.info(outcome, 'person name keys brought up to the current normalisation rule');
      const refiled = await refileReferredBy({ store: new MongoReferredByStore(deps.conn, deps.cases), now: () => deps.clock.now() });
      if (!refiled.skipped) deps.logger.info(refiled, '"Referred by" of older cases filed where the intake form asks it');
    },
  };
}
