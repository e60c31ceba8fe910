// A practitioner files a document on a section of a case. The bytes arrive as a stream and are stored as
// they come, a chunk at a time, so at most one chunk is held in memory whatever the file's size. Before
// anything is stored: the metadata is checked, the file's kind is read from its first bytes (not its name),
// and a declared size over the limit is refused. A file that turns out too large midway, or a stream that
// breaks, leaves nothing behind: its chunks are removed and it is never listed. Audited as collection.
import { createHash, randomUUID } from 'node:crypto';
import { CHUNK_BYTES, DOCUMENT_CATEGORIES, fileNameProblem, MAX_DESCRIPTION_LENGTH, sizeInWords, type CaseDocument, type DocumentCategory } from '../../domain/documents/case-document';
import { ALLOWED_KINDS_WORDS, FILE_KINDS, kindOfName, sniffFileKind, SNIFF_BYTES, type FileKind } from '../../domain/documents/document-types';
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { auditActor, type Actor } from '../cases/case-access';
import { loadCaseToFile, requireWritableSection, sectionOf, type DocumentDeps } from './document-access';

export interface UploadDocumentInput {
  caseId: string;
  section: string;
  name: string;
  category: string;
  description?: string;
  /** Content-Length when the client sent one: an oversize file is refused before its first byte is read. */
  declaredBytes?: number;
  body: AsyncIterable<Uint8Array>;
}

export const tooLargeMessage = (maxBytes: number) => `The file must be smaller than ${sizeInWords(maxBytes)}`;
export const wrongKindMessage = `The selected file must be a ${ALLOWED_KINDS_WORDS}`;

const refuse = (errors: FieldErrors, code: string) => {
  throw new ValidationError(Object.values(errors)[0] ?? 'The document needs correcting', errors, code);
};

function checkMetadata(deps: Pick<DocumentDeps, 'maxBytes'>, input: UploadDocumentInput): FieldErrors {
  const errors: FieldErrors = {};
  const nameProblem = fileNameProblem(input.name);
  if (nameProblem) errors.file = nameProblem;
  else if (!kindOfName(input.name)) errors.file = wrongKindMessage;
  else if (input.declaredBytes !== undefined && input.declaredBytes > deps.maxBytes) errors.file = tooLargeMessage(deps.maxBytes);
  else if (input.declaredBytes === 0) errors.file = 'The selected file is empty';
  if (!(DOCUMENT_CATEGORIES as readonly string[]).includes(input.category)) errors.category = 'Select the type of document';
  if ((input.description ?? '').length > MAX_DESCRIPTION_LENGTH) errors.description = `Description must be ${MAX_DESCRIPTION_LENGTH} characters or fewer`;
  return errors;
}

/** Pieces of the body regrouped into chunks of CHUNK_BYTES (the last one shorter). */
async function* rechunk(body: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of body) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    length += piece.byteLength;
    while (length >= CHUNK_BYTES) {
      const all = Buffer.concat(pending, length);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      length -= CHUNK_BYTES;
    }
  }
  if (length) yield Buffer.concat(pending, length);
}

export async function uploadDocument(deps: DocumentDeps, actor: Actor, input: UploadDocumentInput): Promise<CaseDocument> {
  const section = sectionOf(input.section);
  requireWritableSection(deps.policy, actor, section);
  const errors = checkMetadata(deps, input);
  if (Object.keys(errors).length) refuse(errors, errors.file === tooLargeMessage(deps.maxBytes) ? 'FILE_TOO_LARGE' : 'DOCUMENT_INVALID');
  const record = await loadCaseToFile(deps, actor, input.caseId);
  await deps.caseGuard?.assertMayChange(actor, record.id, 'add a document to this case');

  const id = deps.newId?.() ?? randomUUID();
  const hash = createHash('sha256');
  let size = 0;
  let n = 0;
  let kind: FileKind | undefined;
  let begun = false;
  try {
    for await (const chunk of rechunk(input.body)) {
      size += chunk.length;
      if (size > deps.maxBytes) refuse({ file: tooLargeMessage(deps.maxBytes) }, 'FILE_TOO_LARGE');
      if (n === 0) {
        // The first chunk is the whole file or CHUNK_BYTES (> SNIFF_BYTES): enough to tell its kind.
        kind = sniffFileKind(chunk.subarray(0, SNIFF_BYTES), chunk.length < CHUNK_BYTES);
        if (!kind || kindOfName(input.name) !== kind) refuse({ file: wrongKindMessage }, 'FILE_TYPE_NOT_ALLOWED');
        await deps.documents.begin(record.id, id);
        begun = true;
      }
      hash.update(chunk);
      await deps.documents.writeChunk(id, n++, chunk);
    }
    if (size === 0 || !kind) refuse({ file: 'The selected file is empty' }, 'FILE_EMPTY');
  } catch (e) {
    if (begun) await deps.documents.abort(record.id, id);
    throw e;
  }

  const document: CaseDocument = {
    id, caseId: record.id, section, name: input.name, kind: kind!, category: input.category as DocumentCategory,
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    size, sha256: hash.digest('hex'), chunks: n, uploadedBy: actor.id, uploadedAt: deps.clock.now().toISOString(),
  };
  await deps.documents.commit(document);
  // A 'case' event: its details (the file's name may name the child) are sealed under the case's key.
  await deps.audit.record({
    actor: auditActor(actor), action: 'document.upload', recordType: 'case', recordId: record.id, sections: [section],
    after: { documentId: id, name: document.name, type: FILE_KINDS[document.kind].label, size },
  });
  return document;
}
