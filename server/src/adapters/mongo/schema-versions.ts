// `schema_versions`: one document per stored format that a rule makes (person name keys, where "Referred by"
// is filed …), saying which version of the rule the stored data follows. Start-up migrations read it to know
// whether they have work, and record the version once they have done it.
import { type Connection, type Model, Schema } from 'mongoose';

interface VersionDoc { _id: string; version: number; at: string }
const versionSchema = new Schema<VersionDoc>({ _id: String, version: Number, at: String }, { collection: 'schema_versions', versionKey: false });

export class SchemaVersions {
  private readonly versions: Model<VersionDoc>;

  constructor(conn: Connection) {
    this.versions = (conn.models.SchemaVersion as Model<VersionDoc>) ?? conn.model<VersionDoc>('SchemaVersion', versionSchema);
  }

  /** The version the stored data of `format` follows (1 when nothing was recorded: data from before the rule). */
  async of(format: string): Promise<number> {
    return (await this.versions.findById(format).lean<VersionDoc>())?.version ?? 1;
  }

  async record(format: string, version: number, at: string): Promise<void> {
    await this.versions.updateOne({ _id: format }, { $set: { version, at } }, { upsert: true });
  }
}
