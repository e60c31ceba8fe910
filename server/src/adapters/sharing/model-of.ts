// The connection's model of that name, registered once: several systems in one test process (and a module
// built twice) share a connection's models, and mongoose refuses to compile the same name twice.
import type { Connection, Model, Schema } from 'mongoose';

export const modelOf = <D>(conn: Connection, name: string, schema: Schema<D>): Model<D> =>
  (conn.models[name] as Model<D> | undefined) ?? conn.model<D>(name, schema);
