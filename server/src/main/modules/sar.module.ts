// Subject access requests: the DPO's routes over the engine (the request is a process instance), the raw
// reads of every store that holds data about a person, and the audit log.
import type { Connection } from 'mongoose';
import { MongoSarSourcesReader } from '../../adapters/mongo/sar-sources.reader';
import { createSarRouter } from '../../http/sar.routes';
import type { MongoAuditRepository } from '../../adapters/mongo/audit.repository';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

export function createSarModule(deps: { engine: WorkflowEngine; conn: Connection; audit: AuditLog & Pick<MongoAuditRepository, 'readable'>; clock: Clock }): SystemModule {
  return {
    apiRouters: {
      '/sar': createSarRouter({ engine: deps.engine, sources: new MongoSarSourcesReader(deps.conn, (docs) => deps.audit.readable(docs)), audit: deps.audit, now: () => deps.clock.now() }),
    },
  };
}
