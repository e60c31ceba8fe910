// The response, once approved, as one ZIP streamed to the DPO: subject-access-response.json (machine
// readable), .html (printable) and .pdf. Each part reads the gathered snapshot again as it is written (yazl
// takes the entries one after another), a chunk at a time, so nothing is held whole however many submissions
// a case has, and no case is read. The first export freezes the snapshot (what was approved is what is
// sent). Disclosure is audited against the request and against every case it disclosed from (the person's
// "who saw my record").
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { ConflictError } from '../../domain/errors';
import { renderSarHtml } from './render-sar-html';
import { renderSarJson } from './render-sar-json';
import { renderSarPdf } from './render-sar-pdf';
import { reviewedItems, type SarDeps } from './review-sar';
import { GATHERED_AT_EXPORT, gatherSarSnapshot } from './gather-sar-snapshot';
import { loadSarRequest } from './sar-request';
import { addDisclosedDocuments } from './sar-documents';

export async function exportSar(
  deps: Pick<SarDeps, 'engine' | 'snapshots' | 'audit' | 'documentContent' | 'sources'> & { now: () => Date }, actor: { id: string; roles: readonly string[] }, key: string,
): Promise<{ filename: string; stream: Readable }> {
  const request = await loadSarRequest(deps.engine, key);
  if (!request.approved) throw new ConflictError('The response is not approved yet: approve the disclosure first', 'SAR_NOT_APPROVED');
  // A request approved before snapshots existed has none: it is gathered now, once, and this export freezes it.
  const snapshot = (await deps.snapshots.head(key)) ?? (await gatherSarSnapshot(deps, key, { ...actor, name: GATHERED_AT_EXPORT })).snapshot;
  if (snapshot.droppedAt) throw new ConflictError(`The gathered copy was deleted on ${snapshot.droppedAt.slice(0, 10)} (${snapshot.droppedBecause ?? 'its retention ran out'}): there is nothing to export`, 'SAR_COPY_DROPPED');
  const at = deps.now().toISOString();
  if (!snapshot.frozenAt) await deps.snapshots.updateHead({ ...snapshot, frozenAt: at });
  const matches = snapshot.matches;
  const who = { id: actor.id, roles: [...actor.roles] };
  await deps.audit.record({ actor: who, action: 'sar.disclose', recordType: 'sar', recordId: key, after: { cases: [...new Set(matches.map((m) => m.caseId))] }, reason: 'Subject access request' });
  for (const caseId of new Set(matches.map((m) => m.caseId))) {
    await deps.audit.record({ actor: who, action: 'sar.disclose', recordType: 'case', recordId: caseId, reason: `Subject access request ${key}` });
  }
  const items = () => reviewedItems(deps, request, snapshot);
  const zip = new ZipFile();
  const base = 'subject-access-response';
  zip.addReadStream(Readable.from(renderSarJson(request, matches, items(), at)), `${base}.json`, { mtime: new Date(at) });
  zip.addReadStream(Readable.from(renderSarHtml(request, matches, items(), at)), `${base}.html`, { mtime: new Date(at) });
  zip.addReadStream(renderSarPdf(request, matches, items(), at), `${base}.pdf`, { mtime: new Date(at) });
  // The files of the documents the DPO disclosed (the listing is in the three parts above).
  await addDisclosedDocuments(zip, items(), deps.documentContent, new Date(at));
  zip.end();
  return { filename: `${base}-${key}.zip`, stream: zip.outputStream as Readable };
}
