// The chronology's raw reads (ports/chronology-sources.port.ts). Tasks are found by their indexed caseId;
// emails through each task's list of notices (outbox_task_emails, kept by the outbox), one `_id` read per
// task and per email: on FerretDB 1.24 a filter on the outbox's taskId decoded every email ever planned
// (3.8 s at 20,000 rows, test/bench/chronology-reads.bench.ts).
import type { Connection } from 'mongoose';
import type { ChronologyEmailRow, ChronologySources, ChronologyTaskRow } from '../../ports/chronology-sources.port';
import { taskEmailLists } from '../mail/outbox.repository';
import type { RefLists } from './ref-lists';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw documents, mapped field by field below
type Row = { _id: unknown } & Record<string, any>;
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined);

export class MongoChronologySourcesReader implements ChronologySources {
  private readonly taskEmails: RefLists;

  constructor(private readonly conn: Connection) {
    this.taskEmails = taskEmailLists(conn);
  }

  private col(name: string) {
    return this.conn.db!.collection<Row>(name);
  }

  async tasksOfCase(caseId: string, limit: number): Promise<ChronologyTaskRow[]> {
    const docs = await this.col('tasks')
      .find({ caseId }, { projection: { name: 1, processId: 1, instanceKey: 1, formId: 1, state: 1, createdAt: 1, completedAt: 1, completedBy: 1 } })
      .sort({ createdAt: 1 }).limit(limit).toArray();
    return docs.map((d) => ({
      id: String(d._id), name: String(d.name ?? ''), processId: String(d.processId ?? ''), instanceKey: String(d.instanceKey ?? ''),
      state: d.state, ...(d.formId ? { formId: String(d.formId) } : {}),
      ...(iso(d.createdAt) ? { createdAt: iso(d.createdAt) } : {}), ...(iso(d.completedAt) ? { completedAt: iso(d.completedAt) } : {}),
      ...(d.completedBy ? { completedBy: String(d.completedBy) } : {}),
    }));
  }

  async emailsOfTasks(taskIds: readonly string[], limit: number): Promise<ChronologyEmailRow[]> {
    if (!taskIds.length) return [];
    const projection = { taskId: 1, recipientId: 1, subject: 1, level: 1, state: 1, createdAt: 1, sentAt: 1 };
    const outbox = this.col('escalation_outbox');
    const found = (await Promise.all(taskIds.map((t) => this.taskEmails.documents(`task:${t}`, limit, outbox, projection)))).flat();
    const docs = found.sort((a, b) => +new Date(a.createdAt ?? 0) - +new Date(b.createdAt ?? 0)).slice(0, limit);
    return docs.map((d) => ({
      id: String(d._id), taskId: String(d.taskId), subject: String(d.subject ?? ''), state: String(d.state ?? ''),
      ...(d.recipientId ? { recipientId: String(d.recipientId) } : {}), ...(d.level ? { level: String(d.level) } : {}),
      ...(iso(d.createdAt) ? { createdAt: iso(d.createdAt) } : {}), ...(iso(d.sentAt) ? { sentAt: iso(d.sentAt) } : {}),
    }));
  }
}
