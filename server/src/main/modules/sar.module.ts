// Subject access requests: the DPO's routes over the engine (the request is a process instance), the raw
// reads of every store that holds data about a person (used only when gathering), the gathered snapshots,
// the request's jobs (gather, and delete the gathered copy when its retention runs out), and the eraser
// that case erasure calls (erase-sar-data-of-case.ts). Built before the engine starts, so its jobs are
// registered in time.
import type { Connection } from 'mongoose';
import { KeyedMutex } from '../../adapters/concurrency/keyed-mutex';
import { MongoSarSnapshotRepository } from '../../adapters/mongo/sar-snapshot.repository';
import { MongoSarSourcesReader } from '../../adapters/mongo/sar-sources.reader';
import { dropGatheredCopy } from '../../application/sar/drop-gathered-copy';
import { eraseSarDataOfCase } from '../../application/sar/erase-sar-data-of-case';
import { SAR_PROCESS_ID } from '../../application/sar/sar-request';
import { createSarRouter } from '../../http/sar.routes';
import { registerSarJobs } from '../../jobs/sar-snapshot.job';
import type { MongoAuditRepository } from '../../adapters/mongo/audit.repository';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';
import { MongoDocumentStore } from '../../adapters/mongo/case-document.store';
import { readChunks } from '../../application/documents/download-document';
import { FILE_KINDS } from '../../domain/documents/document-types';
import type { DocumentContentReader } from '../../application/sar/sar-documents';

/** A document's bytes as the SAR export reads them: straight from the store, the DPO's export being the access. */
const documentContentIn = (store: MongoDocumentStore): DocumentContentReader => async (caseId, documentId) => {
  const document = await store.find(caseId, documentId);
  return document && { stream: readChunks(store, document.id, document.chunks), name: document.name, contentType: FILE_KINDS[document.kind].contentType, section: document.section };
};

export interface SarModule extends SystemModule {
  /** One of erasure's "other stores": takes the case's items out of every snapshot (CaseStores['others']). */
  eraser: { eraseOfCase(caseId: string): Promise<number> };
}

export function createSarModule(deps: { engine: WorkflowEngine; conn: Connection; audit: AuditLog & Pick<MongoAuditRepository, 'readable'>; clock: Clock }): SarModule {
  const now = () => deps.clock.now();
  const sarDeps = {
    engine: deps.engine, sources: new MongoSarSourcesReader(deps.conn, (docs) => deps.audit.readable(docs)),
    snapshots: new MongoSarSnapshotRepository(deps.conn), audit: deps.audit, now,
    documentContent: documentContentIn(new MongoDocumentStore(deps.conn)),
  };
  registerSarJobs(deps.engine, sarDeps);
  const requests = new KeyedMutex(); // one request's decisions, gather again and export freeze, one at a time
  // A request cancelled (from the monitor) never reaches its copy's timer: the gathered copy has no use left.
  // A failure is logged by the engine as a failed listener; the copy then stays until deleted by hand.
  deps.engine.onEvent(async (e) => {
    if (e.type === 'instance.cancelled' && e.processId === SAR_PROCESS_ID) await dropGatheredCopy(sarDeps, e.instanceKey, 'The request was cancelled');
  });
  return {
    apiRouters: { '/sar': createSarRouter({ ...sarDeps, serialise: (key, work) => requests.run(key, work) }) },
    eraser: { eraseOfCase: (caseId) => eraseSarDataOfCase(sarDeps, caseId) },
  };
}
