// The SAR's reads over the raw collections (cases, amendments, submissions, tasks, outbox, audit). Raw
// driver cursors in batches: a case with hundreds of submissions streams them without holding all in
// memory. FerretDB 1.24 answers filtered queries with a scan either way, so each read is one query.
import type { Connection } from 'mongoose';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseRecord } from '../../domain/cases/case-record';
import type { CaseDocument } from '../../domain/documents/case-document';
import { MongoDocumentStore } from './case-document.store';
import type { SarEmail, SarSources, SarSubmission, SarTask } from '../../ports/sar-sources.port';

const BATCH = 200;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw documents of several collections, mapped field by field below
type Row = { _id: string } & Record<string, any>;
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined);

/** Stored audit events as readers see them (details decrypted, or marked erased): the audit repository's `readable`. */
export type AuditDocsReader = (docs: Row[]) => Promise<AuditEvent[]>;

export class MongoSarSourcesReader implements SarSources {
  constructor(private readonly conn: Connection, private readonly readableAudit?: AuditDocsReader) {}

  private col(name: string) {
    return this.conn.db!.collection<Row>(name);
  }

  async *cases(): AsyncIterable<CaseRecord> {
    for await (const { _id, ...rest } of this.col('cases').find({}).batchSize(BATCH)) {
      yield { ...(rest as Omit<CaseRecord, 'id'>), id: String(_id), sections: rest.sections ?? {} };
    }
  }

  async *amendments(caseId: string): AsyncIterable<CaseAmendment> {
    for await (const { _id: _i, state: _s, ...rest } of this.col('case_amendments').find({ caseId }).sort({ at: 1 }).batchSize(BATCH)) {
      yield rest as CaseAmendment;
    }
  }

  async *submissions(caseId: string): AsyncIterable<SarSubmission> {
    for await (const { _id, ...rest } of this.col('form_submissions').find({ caseId }).sort({ submittedAt: 1 }).batchSize(BATCH)) {
      yield { ...(rest as Omit<SarSubmission, 'id'>), id: String(_id) };
    }
  }

  async tasks(caseId: string): Promise<SarTask[]> {
    const docs = await this.col('tasks').find({ caseId }).sort({ createdAt: 1 }).toArray();
    return docs.map((d) => ({
      id: String(d._id), name: d.name, processId: d.processId, state: d.state, assignee: d.assignee ?? null,
      createdAt: iso(d.createdAt), completedAt: iso(d.completedAt), completedBy: d.completedBy,
    }));
  }

  async emails(taskIds: readonly string[]): Promise<SarEmail[]> {
    if (!taskIds.length) return [];
    const docs = await this.col('escalation_outbox').find({ taskId: { $in: [...taskIds] } }).sort({ createdAt: 1 }).toArray();
    return docs.map((d) => ({
      id: String(d._id), taskId: d.taskId, to: d.to, subject: d.subject, text: d.text, state: d.state, createdAt: iso(d.createdAt),
    }));
  }

  /** Read by the case's id from the documents' own store (case_documents, one document per case). */
  documents(caseId: string): Promise<CaseDocument[]> {
    return new MongoDocumentStore(this.conn).listOfCase(caseId);
  }

  async staffNames(): Promise<Map<string, string>> {
    const docs = await this.col('users').find({}, { projection: { username: 1, displayName: 1 } }).toArray();
    return new Map(docs.map((d) => [String(d._id), d.displayName ? `${d.displayName} (${d.username})` : String(d.username ?? d._id)]));
  }

  async *auditOf(caseIds: readonly string[]): AsyncIterable<AuditEvent> {
    if (!caseIds.length) return;
    const cursor = this.col('audit_events').find({ recordType: 'case', recordId: { $in: [...caseIds] } }).sort({ seq: 1 }).batchSize(BATCH);
    // Details (reason, before/after) are sealed under the case's key: decrypted a batch at a time.
    const open = this.readableAudit ?? (async (docs: Row[]) => docs.map(({ _id, ...event }) => event as AuditEvent));
    let batch: Row[] = [];
    for await (const doc of cursor) {
      batch.push(doc);
      if (batch.length === BATCH) { yield* await open(batch); batch = []; }
    }
    if (batch.length) yield* await open(batch);
  }
}
