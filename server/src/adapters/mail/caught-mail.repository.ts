// Messages the embedded SMTP catcher received, for the admin Outbox page ("what would have been sent").
import { type Connection, type Model, Schema } from 'mongoose';
import type { CaughtMail, CaughtMailRepository } from '../../ports/caught-mail.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import type { CaughtMailErasure } from '../../ports/case-erasure.port';

interface CaughtDoc extends Omit<CaughtMail, 'id' | 'receivedAt'> {
  receivedAt: Date;
}

const schema = new Schema<CaughtDoc>(
  { messageId: String, from: String, to: [String], subject: String, text: String, html: String, receivedAt: Date },
  { collection: 'caught_mail', versionKey: false },
);
schema.index({ receivedAt: -1 });

export class MongoCaughtMailRepository implements CaughtMailRepository, CaughtMailErasure {
  private readonly model: Model<CaughtDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models.CaughtMail as Model<CaughtDoc>) ?? conn.model<CaughtDoc>('CaughtMail', schema);
  }

  async record(mail: Omit<CaughtMail, 'id'>): Promise<void> {
    await this.model.create({ ...mail, receivedAt: new Date(mail.receivedAt) });
  }

  async list(page: PageRequest): Promise<Page<CaughtMail>> {
    const [docs, total] = await Promise.all([
      this.model.find({}).sort({ receivedAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments({}),
    ]);
    const items = docs.map(({ _id, receivedAt, ...d }) => ({ ...d, id: String(_id), receivedAt: new Date(receivedAt).toISOString() }));
    return { items, total, offset: page.offset, limit: page.limit };
  }

  /** Case erasure: by message id (with or without angle brackets), or by a mention in subject or body. */
  async eraseMessages(messageIds: readonly string[], mentions: readonly string[]): Promise<number> {
    const ids = messageIds.flatMap((m) => { const bare = m.replace(/^<|>$/g, ''); return [bare, `<${bare}>`]; });
    const said = mentions.filter((m) => m.trim().length >= 3).map((m) => new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
    const r = await this.model.deleteMany({
      $or: [{ messageId: { $in: ids } }, ...said.flatMap((re) => [{ subject: re }, { text: re }, { html: re }])],
    });
    return r.deletedCount;
  }
}
