// A document's bytes, streamed chunk by chunk from the database (one chunk in memory at a time), with what
// the HTTP edge needs to name and type it. The download is a consultation of the case section, and a
// disclosure once the file leaves the service: audited before the first byte is sent. A document of a
// section the actor may not read answers "not found", as a case outside their reach does.
import { Readable } from 'node:stream';
import { FILE_KINDS } from '../../domain/documents/document-types';
import { NotFoundError } from '../../domain/errors';
import type { DocumentStore } from '../../ports/document-store.port';
import { auditActor, type Actor } from '../cases/case-access';
import { documentSectionsReadable, loadCaseToRead, type DocumentDeps } from './document-access';

export interface DocumentContent {
  name: string;
  contentType: string;
  size: number;
  stream: Readable;
}

/** The stored chunks in order; a missing one fails the stream (the response is cut, never silently short). */
export function readChunks(store: Pick<DocumentStore, 'readChunk'>, documentId: string, chunks: number): Readable {
  async function* read() {
    for (let n = 0; n < chunks; n++) {
      const data = await store.readChunk(documentId, n);
      if (!data) throw new Error(`Chunk ${n} of document ${documentId} is missing`);
      yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
  }
  return Readable.from(read(), { objectMode: false });
}

export async function downloadDocument(
  deps: DocumentDeps, actor: Actor, input: { caseId: string; documentId: string; reason?: string },
): Promise<DocumentContent> {
  const { record, breakGlass } = await loadCaseToRead(deps, actor, input.caseId, input.reason);
  const document = await deps.documents.find(record.id, input.documentId);
  if (!document || !documentSectionsReadable(deps.policy, actor).includes(document.section)) {
    throw new NotFoundError('No such document on this case', 'DOCUMENT_NOT_FOUND');
  }
  await deps.audit.record({
    actor: auditActor(actor), action: 'document.download', recordType: 'case', recordId: record.id, sections: [document.section],
    after: { documentId: document.id, name: document.name }, ...(breakGlass ? { reason: breakGlass, flagged: true } : {}),
  });
  return { name: document.name, contentType: FILE_KINDS[document.kind].contentType, size: document.size, stream: readChunks(deps.documents, document.id, document.chunks) };
}
