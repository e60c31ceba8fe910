// Where a case's documents are kept: what the record says about each (one entry per document, listed per
// case) and the bytes in numbered chunks. An upload is announced before its first chunk is written and
// committed after its last, so a crash between leaves a pending entry that erasure still finds.
import type { CaseDocument } from '../domain/documents/case-document';

export interface DocumentStore {
  /** The case's committed documents, oldest first. */
  listOfCase(caseId: string): Promise<CaseDocument[]>;
  find(caseId: string, documentId: string): Promise<CaseDocument | undefined>;
  /** Marks an upload as in progress before any of its bytes are stored. */
  begin(caseId: string, documentId: string): Promise<void>;
  writeChunk(documentId: string, n: number, data: Uint8Array): Promise<void>;
  /** Lists the document on its case and clears its pending mark. */
  commit(document: CaseDocument): Promise<void>;
  /** Removes whatever an unfinished upload stored, and its pending mark. */
  abort(caseId: string, documentId: string): Promise<void>;
  readChunk(documentId: string, n: number): Promise<Uint8Array | undefined>;
  /** Every document of the case, committed or pending, with its chunks; how many documents went. */
  eraseOfCase(caseId: string): Promise<number>;
}
