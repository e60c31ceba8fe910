// The chronology's raw reads (ports/chronology-sources.port.ts). Tasks are found by their indexed caseId;
// emails by task id, which the outbox does not index — on FerretDB 1.24 any filter other than {_id}
// decodes every document of the collection anyway, so the read is bounded in what it returns (one case's
// notices, capped), not in what the database scans. Escalation emails are few per task (one per level).
import type { Connection } from 'mongoose';
import type { ChronologyEmailRow, ChronologySources, ChronologyTaskRow } from '../../ports/chronology-sources.port';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw documents, mapped field by field below
type Row = { _id: unknown } & Record<string, any>;
const iso = (v: unknown): string | undefined => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : undefined);

export class MongoChronologySourcesReader implements ChronologySources {
  constructor(private readonly conn: Connection) {}

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
    const docs = await this.col('escalation_outbox')
      .find({ taskId: { $in: [...taskIds] }, kind: 'notice' }, { projection: { taskId: 1, recipientId: 1, subject: 1, level: 1, state: 1, createdAt: 1, sentAt: 1 } })
      .sort({ createdAt: 1 }).limit(limit).toArray();
    return docs.map((d) => ({
      id: String(d._id), taskId: String(d.taskId), subject: String(d.subject ?? ''), state: String(d.state ?? ''),
      ...(d.recipientId ? { recipientId: String(d.recipientId) } : {}), ...(d.level ? { level: String(d.level) } : {}),
      ...(iso(d.createdAt) ? { createdAt: iso(d.createdAt) } : {}), ...(iso(d.sentAt) ? { sentAt: iso(d.sentAt) } : {}),
    }));
  }
}
