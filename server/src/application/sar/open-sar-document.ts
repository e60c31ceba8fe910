// The DPO opens a document gathered for a subject access request, to decide whether it may be disclosed
// (the system cannot read a scan or a letter for other people's names). Only a document that is an item of
// this request's snapshot, and still held: the request is the DPO's reach, whichever team holds the case,
// as with the rest of the gathered record. Audited on the case as a consultation for the request.
import type { Readable } from 'node:stream';
import { NotFoundError } from '../../domain/errors';
import type { SarDeps } from './review-sar';
import { documentOfItem } from './sar-documents';
import { loadSarRequest } from './sar-request';

export async function openSarDocument(
  deps: Pick<SarDeps, 'engine' | 'snapshots' | 'audit' | 'documentContent'>, actor: { id: string; roles: readonly string[] }, key: string, itemId: string,
): Promise<{ name: string; contentType: string; stream: Readable }> {
  await loadSarRequest(deps.engine, key);
  const snapshot = await deps.snapshots.head(key);
  const named = documentOfItem(itemId);
  let gathered = false;
  if (snapshot && named) for await (const item of deps.snapshots.items(snapshot)) if (item.id === itemId && item.kind === 'document') gathered = true;
  if (!gathered || !named) throw new NotFoundError('This request gathered no such document', 'DOCUMENT_NOT_FOUND');
  const held = await deps.documentContent?.(named.caseId, named.documentId);
  if (!held) throw new NotFoundError('The document is no longer held (erased since the records were gathered)', 'DOCUMENT_NOT_FOUND');
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'document.download', recordType: 'case', recordId: named.caseId, sections: [held.section],
    after: { documentId: named.documentId, name: held.name }, reason: `Subject access request ${key}: redaction review`,
  });
  return held;
}
