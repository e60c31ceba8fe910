// Documents in the case's chronology: one entry per document, when it was added, titled with its name,
// by whoever added it (by name), filed under its section so a reader who may not see that section's
// documents is not told of it (the use case leaves out entries of sections the reader may not read; this
// source also leaves out everything for a role without the Documents section).
import type { ChronologyEntry } from '../../domain/cases/chronology-entry';
import { DOCUMENT_CATEGORY_LABELS, sizeInWords } from '../../domain/documents/case-document';
import { FILE_KINDS } from '../../domain/documents/document-types';
import type { DocumentStore } from '../../ports/document-store.port';
import type { AccessPolicy } from '../cases/case-access';
import type { ChronologySource } from '../cases/chronology/chronology-source';
import { documentSectionsReadable } from './document-access';

export function documentChronologySource(deps: { documents: Pick<DocumentStore, 'listOfCase'>; policy: AccessPolicy }): ChronologySource {
  return {
    kind: 'document',
    async entries(ctx) {
      const sections = documentSectionsReadable(deps.policy, ctx.actor);
      const documents = (await deps.documents.listOfCase(ctx.record.id)).filter((d) => sections.includes(d.section));
      if (!documents.length) return [];
      const names = await ctx.names(documents.map((d) => d.uploadedBy));
      return documents.map((d): ChronologyEntry => ({
        at: d.uploadedAt, kind: 'document', section: d.section, title: `Document added: ${d.name}`,
        detail: [`${DOCUMENT_CATEGORY_LABELS[d.category] ?? 'Document'}, ${FILE_KINDS[d.kind].label}, ${sizeInWords(d.size)}`, d.description].filter(Boolean).join('. '),
        ...(names.get(d.uploadedBy) ? { by: names.get(d.uploadedBy) } : {}),
        link: `/cases/${encodeURIComponent(ctx.record.id)}?tab=documents`,
      }));
    },
  };
}
