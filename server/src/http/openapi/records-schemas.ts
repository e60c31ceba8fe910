// Response schemas of a case's documents and chronology, the quarterly returns and schools' data imports,
// checked against the use cases' own types as response-schemas.ts does.
import { z } from 'zod';
import type { ChronologyPage } from '../../application/cases/chronology/get-case-chronology';
import type { DocumentList, DocumentView } from '../../application/documents/list-documents';
import type { QuarterReturnsView } from '../../application/returns/get-quarter-returns';
import type { SchoolImportResult } from '../../application/schools/import-school-csv';
import type { SchoolProposalView } from '../../application/schools/school-proposal-view';
import { CHRONOLOGY_KINDS, type ChronologyKind } from '../../domain/cases/chronology-entry';
import { DOCUMENT_CATEGORIES } from '../../domain/documents/case-document';
import { civilDate, describes, instant } from './schema-kit';


const document = describes<DocumentView>()(z.looseObject({
  id: z.string(), section: z.string(), sectionLabel: z.string(), name: z.string(), fileType: z.string().describe('What the bytes are: PDF, JPG…'),
  category: z.string().describe(`One of ${DOCUMENT_CATEGORIES.join(', ')}`), categoryLabel: z.string(), description: z.string().optional(), size: z.number().int(), sizeLabel: z.string(),
  uploadedBy: z.string().describe('By name'), uploadedAt: instant,
}));
export const DocumentAnswer = { name: 'CaseDocument', schema: document };
export const DocumentListAnswer = {
  name: 'CaseDocumentList',
  schema: describes<DocumentList>()(z.looseObject({
    documents: z.array(document).describe('Of the sections the reader may read, newest first'),
    withheld: z.number().int().describe('How many documents of sections the reader may not read exist (none named)'),
    writableSections: z.array(z.string()),
    limits: z.looseObject({ maxBytes: z.number().int(), maxSize: z.string(), kinds: z.string(), accept: z.string() }),
  })),
};

export const ChronologyPageAnswer = {
  name: 'ChronologyPage',
  schema: describes<ChronologyPage>()(z.looseObject({
    items: z.array(z.looseObject({
      at: instant, kind: z.enum(CHRONOLOGY_KINDS as [ChronologyKind, ...ChronologyKind[]]), title: z.string(), detail: z.string().optional(), section: z.string().optional(),
      by: z.string().optional().describe('By name'), link: z.string().optional().describe("The web client's path to more"),
    })),
    total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
    kinds: z.record(z.string(), z.number().int()).describe('How many entries of each kind the reader may see'),
  })),
};

const quarter = z.looseObject({ id: z.string(), start: civilDate, end: civilDate, words: z.string() });
export const QuarterReturns = {
  name: 'QuarterReturns',
  schema: describes<QuarterReturnsView>()(z.looseObject({
    quarter, ended: z.boolean().describe('False while the quarter is still running'), quarters: z.array(quarter),
    versions: z.array(z.looseObject({
      id: z.string(), quarter: z.string(), version: z.number().int(), status: z.enum(['draft', 'submitted']), layoutVersion: z.string(),
      generatedAt: instant, generatedBy: z.string(), submittedAt: instant.optional(), submittedBy: z.string().optional(),
      counts: z.looseObject({ children: z.number().int(), records: z.number().int(), leftOut: z.number().int() }),
      fileName: z.string(), sha256: z.string(), latest: z.boolean(),
      problems: z.array(z.looseObject({
        child: z.string().describe("The child's name, or whose child it is when the reader may not see the case"), caseId: z.string().optional(),
        team: z.string(), record: z.string(), reason: z.string(), value: z.string().optional(),
      })),
    })),
  })),
};

const proposal = describes<SchoolProposalView>()(z.looseObject({
  id: z.string(), caseId: z.string(), child: z.string(), team: z.string(), kind: z.enum(['upn', 'attendance', 'exclusion', 'free-school-meals', 'send']),
  what: z.string(), proposed: z.string(), held: z.string().optional().describe('What the Education section holds now, in words'), school: z.string(),
  row: z.number().int(), importedAt: instant, importedBy: z.string(), status: z.enum(['pending', 'accepted', 'rejected']),
  decidedAt: instant.optional(), decidedBy: z.string().optional(), reason: z.string().optional(),
}));
export const SchoolProposalAnswer = { name: 'SchoolProposal', schema: proposal };
export const SchoolProposalList = {
  name: 'SchoolProposalList',
  schema: describes<{ proposals: SchoolProposalView[]; more: boolean }>()(z.looseObject({
    proposals: z.array(proposal), more: z.boolean().describe('More proposals exist than were listed'),
  })),
};
export const SchoolImportAnswer = {
  name: 'SchoolImport',
  schema: describes<SchoolImportResult>()(z.looseObject({
    id: z.string(), school: z.string(), fileName: z.string(), at: instant, by: z.string(), rows: z.number().int(), proposals: z.number().int(),
    unchanged: z.number().int(),
    results: z.array(z.looseObject({
      row: z.number().int(), child: z.string(), matched: z.boolean(), caseId: z.string().optional().describe('Only for a case the importer may open'),
      proposals: z.number().int(), reason: z.string().optional(),
    })),
  })),
};
