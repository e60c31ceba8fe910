// Documents in a subject access request (issue 18's documents, issue 17's SAR): each document filed on the
// person's own case is one gathered item in words (name, type, section, date, who added it), proposed for
// the DPO's review — the system cannot read a scan or a letter for other people's names — and, once
// disclosed, the file itself goes into the response's ZIP under documents/, read from the database
// chunk by chunk as the ZIP is written. A document erased since the gather is named as missing, not sent.
import type { Readable } from 'node:stream';
import type { ZipFile } from 'yazl';
import type { CaseRecord } from '../../domain/cases/case-record';
import { DOCUMENT_CATEGORY_LABELS, sizeInWords } from '../../domain/documents/case-document';
import { FILE_KINDS } from '../../domain/documents/document-types';
import type { SarItem } from '../../domain/sar/redaction-rules';
import type { SarSources } from '../../ports/sar-sources.port';
import { sectionLabel } from './sar-labels';

/** A document still held (its bytes as a stream, read when consumed), or undefined when it is gone. */
export type DocumentContentReader = (caseId: string, documentId: string) => Promise<{ stream: Readable; name: string; contentType: string; section: string } | undefined>;

const ITEM = /^(.+)\/document\/([^/]+)$/;

/** The case and document an item id names (`<caseId>/document/<documentId>`), if it names one. */
export function documentOfItem(itemId: string): { caseId: string; documentId: string } | undefined {
  const m = ITEM.exec(itemId);
  return m ? { caseId: m[1], documentId: m[2] } : undefined;
}

/** Where the file sits in the response's ZIP: unique per document, readable, no path of the uploader's. */
export const zipPathOf = (documentId: string, name: string) => `documents/${documentId.slice(0, 8)} ${name}`;

export async function* documentItems(sources: SarSources, c: CaseRecord, staff: Map<string, string>): AsyncGenerator<SarItem> {
  for (const d of (await sources.documents?.(c.id)) ?? []) {
    const by = staff.get(d.uploadedBy) ?? 'a member of staff';
    yield {
      id: `${c.id}/document/${d.id}`, caseId: c.id, kind: 'document', section: d.section,
      label: `Document "${d.name}" added to ${sectionLabel(d.section)} on ${d.uploadedAt.slice(0, 10)} by ${by}`,
      value: {
        Name: d.name, 'Type of document': DOCUMENT_CATEGORY_LABELS[d.category] ?? d.category, 'File type': FILE_KINDS[d.kind]?.label ?? d.kind,
        Size: sizeInWords(d.size), Section: sectionLabel(d.section), Added: d.uploadedAt, 'Added by': by,
        ...(d.description ? { Description: d.description } : {}), 'File in this response': zipPathOf(d.id, d.name),
      },
    };
  }
}

/** Adds each disclosed document's file to the ZIP; returns the items whose file is no longer held. */
export async function addDisclosedDocuments(
  zip: ZipFile, items: AsyncIterable<SarItem & { decision: string }>, content: DocumentContentReader | undefined, mtime: Date,
): Promise<string[]> {
  const missing: string[] = [];
  if (!content) return missing;
  for await (const item of items) {
    const named = item.kind === 'document' && item.decision === 'disclose' ? documentOfItem(item.id) : undefined;
    if (!named) continue;
    const held = await content(named.caseId, named.documentId);
    const name = String((item.value as Record<string, unknown>)?.Name ?? named.documentId);
    if (held) zip.addReadStream(held.stream, zipPathOf(named.documentId, name), { mtime });
    else missing.push(item.label);
  }
  return missing;
}
