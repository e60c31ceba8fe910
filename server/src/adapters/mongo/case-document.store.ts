// Documents of a case in two collections, both read and written only by `_id` (the one filter FerretDB 1.24
// answers without decoding the whole collection; measured: a GridFS read of a 100 KB file with 40 MB of
// other files stored took 984 ms, by `_id` 5 ms — see docs/documents.md):
// - case_documents: one document per case (`_id` = case id) listing its documents and its pending uploads;
// - case_document_chunks: the bytes, `{_id: "<documentId>:<n>", data}`, at most CHUNK_BYTES each.
// Changes to a case's list are serialised per case in this process, because FerretDB rewrites the whole
// document on every update (two concurrent $push could lose one); MongoDB applies them atomically anyway.
import { Binary } from 'mongodb';
import type { Connection } from 'mongoose';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import type { CaseDocument } from '../../domain/documents/case-document';
import type { DocumentStore } from '../../ports/document-store.port';

type Entry = Omit<CaseDocument, 'caseId'>;
interface CaseDocs { _id: string; items?: Entry[]; pending?: string[] }
interface Chunk { _id: string; data: Binary }

const chunkId = (documentId: string, n: number) => `${documentId}:${n}`;

export class MongoDocumentStore implements DocumentStore {
  private readonly lock = new KeyedMutex();

  constructor(private readonly conn: Connection) {}

  private get lists() {
    return this.conn.db!.collection<CaseDocs>('case_documents');
  }

  private get chunks() {
    return this.conn.db!.collection<Chunk>('case_document_chunks');
  }

  async listOfCase(caseId: string): Promise<CaseDocument[]> {
    const doc = await this.lists.findOne({ _id: String(caseId) });
    return (doc?.items ?? []).map((e) => ({ ...e, caseId: String(caseId) }));
  }

  async find(caseId: string, documentId: string): Promise<CaseDocument | undefined> {
    return (await this.listOfCase(caseId)).find((d) => d.id === documentId);
  }

  begin(caseId: string, documentId: string): Promise<void> {
    return this.lock.run(caseId, async () => {
      await this.lists.updateOne({ _id: String(caseId) }, { $addToSet: { pending: String(documentId) } }, { upsert: true });
    });
  }

  async writeChunk(documentId: string, n: number, data: Uint8Array): Promise<void> {
    // replaceOne with upsert: writing the same chunk again (a retried request) keeps one copy.
    await this.chunks.replaceOne({ _id: chunkId(documentId, n) }, { data: new Binary(data) }, { upsert: true });
  }

  commit(document: CaseDocument): Promise<void> {
    const { caseId, ...entry } = document;
    return this.lock.run(caseId, async () => {
      await this.lists.updateOne({ _id: String(caseId) }, { $push: { items: entry }, $pull: { pending: entry.id } }, { upsert: true });
    });
  }

  async abort(caseId: string, documentId: string): Promise<void> {
    await this.eraseChunks(documentId);
    await this.lock.run(caseId, async () => {
      await this.lists.updateOne({ _id: String(caseId) }, { $pull: { pending: String(documentId) } });
    });
  }

  async readChunk(documentId: string, n: number): Promise<Uint8Array | undefined> {
    const doc = await this.chunks.findOne({ _id: chunkId(documentId, n) });
    return doc ? doc.data.buffer : undefined;
  }

  /** Chunks are written in order from 0, so deleting upwards until one is missing removes them all. */
  private async eraseChunks(documentId: string): Promise<void> {
    for (let n = 0; ; n++) {
      const r = await this.chunks.deleteOne({ _id: chunkId(documentId, n) });
      if (r.deletedCount === 0) return;
    }
  }

  async eraseOfCase(caseId: string): Promise<number> {
    const doc = await this.lists.findOne({ _id: String(caseId) });
    if (!doc) return 0;
    const ids = [...(doc.items ?? []).map((e) => e.id), ...(doc.pending ?? [])];
    for (const id of ids) await this.eraseChunks(id);
    // The list last: until it goes, a rerun after a crash still finds every document's chunks.
    await this.lock.run(caseId, async () => {
      await this.lists.deleteOne({ _id: String(caseId) });
    });
    return ids.length;
  }
}
