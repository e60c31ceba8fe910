// A file held on a case: filed on one section of the record, whose access rule it follows (a health
// letter is read only by roles that read Health). The bytes live in the database beside the record, so a
// backup of the database holds the files too; this is what the record keeps about each.
import type { CaseSection } from '../cases/case-section';
import type { FileKind } from './document-types';

/** What kind of paper it is, in the words practitioners file by. */
export const DOCUMENT_CATEGORIES = ['assessment', 'court', 'letter', 'report', 'plan', 'consent', 'photograph', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Readonly<Record<DocumentCategory, string>> = {
  assessment: 'Assessment',
  court: 'Court document',
  letter: 'Letter or email',
  report: 'Report',
  plan: 'Plan or agreement',
  consent: 'Consent form',
  photograph: 'Photograph',
  other: 'Other',
};

export interface CaseDocument {
  id: string;
  caseId: string;
  section: CaseSection;
  /** The file's name as the uploader's computer called it (checked: no path, no control characters). */
  name: string;
  kind: FileKind;
  category: DocumentCategory;
  description?: string;
  size: number;
  /** SHA-256 of the bytes, hex: what was stored is what is served. */
  sha256: string;
  /** How many stored chunks hold the bytes (read back by their ids in order). */
  chunks: number;
  uploadedBy: string;
  uploadedAt: string;
}

export const MAX_NAME_LENGTH = 200;
/** Bytes per stored chunk: under GridFS's 255 KB default, far below BSON's 16 MB, one reply per chunk. */
export const CHUNK_BYTES = 255 * 1024;
export const MAX_DESCRIPTION_LENGTH = 500;

// C0 and C1 controls, DEL, and the bidirectional overrides that make "invoice‮fdp.exe" read as a PDF.
// eslint-disable-next-line no-control-regex -- finding control characters is this expression's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Why a file name cannot be kept, in words for the person who chose the file; undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'The selected file must have a name';
  if (name.length > MAX_NAME_LENGTH) return `The file name must be ${MAX_NAME_LENGTH} characters or fewer`;
  if (/[\\/]/.test(name)) return 'The file name must not contain / or \\';
  if (CONTROL.test(name)) return 'The file name must not contain control characters';
  if (/^\.+$/.test(name.trim())) return 'The selected file must have a name';
  return undefined;
}

/** "2.4 MB", "312 KB", "18 bytes" — sizes as people read them (1 MB = 1,048,576 bytes, as the limit). */
export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
