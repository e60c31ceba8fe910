// MongoDB collections of the embedded engine. Documents are keyed by deterministic ids derived from the
// instance state, so re-applying an outbox entry after a crash finds the row it already wrote.
// Only the FerretDB 1.24 subset is used: no transactions, TTL or partial indexes, no positional updates.
import { Schema, type Connection, type Model } from 'mongoose';

const loose = (fields: Record<string, unknown>, indexes: Record<string, 1 | -1>[] = []) => {
  const schema = new Schema({ _id: String, ...fields }, { strict: false, versionKey: false, minimize: false });
  for (const ix of indexes) schema.index(ix);
  return schema;
};

/* eslint-disable @typescript-eslint/no-explicit-any */
/** One raw engine row: the collections are schemaless (strict: false) and each service reads back the fields it wrote. */
export type EngineDoc = Record<string, any>;

export interface EngineCollections {
  deployments: Model<any>;
  forms: Model<any>;
  instances: Model<any>;
  tasks: Model<any>;
  jobs: Model<any>;
  timers: Model<any>;
  subscriptions: Model<any>;
  messages: Model<any>;
  incidents: Model<any>;
  /** `<instance key>#<rev>`: that revision's outbox was applied (an insert is far cheaper than an update here). */
  outboxDone: Model<any>;
}

export function engineCollections(conn: Connection): EngineCollections {
  const model = (name: string, schema: Schema) => conn.models[name] ?? conn.model(name, schema, name);
  const M = Schema.Types.Mixed;
  return {
    deployments: model('engine_deployments', loose({ processId: String, version: Number, checksum: String, model: M }, [{ processId: 1, version: -1 }])),
    forms: model('engine_forms', loose({ formId: String, version: Number, checksum: String }, [{ formId: 1, version: -1 }])),
    instances: model('engine_instances', loose({ processId: String, status: String, rev: Number, state: M, effects: M, pending: Boolean, parentKey: String }, [{ pending: 1 }, { processId: 1, status: 1 }])),
    tasks: model('engine_tasks', loose({ instanceKey: String, state: String, headers: M, candidateGroups: [String], candidateUsers: [String] }, [{ instanceKey: 1 }, { state: 1 }])),
    jobs: model('engine_jobs', loose({ type: String, state: String, dueAt: Date, lockedUntil: Date, variables: M, headers: M }, [{ type: 1, state: 1, dueAt: 1 }, { instanceKey: 1 }])),
    timers: model('engine_timers', loose({ state: String, dueAt: Date, instanceKey: String }, [{ state: 1, dueAt: 1 }, { instanceKey: 1 }])),
    subscriptions: model('engine_subscriptions', loose({ messageName: String, correlationKey: String, state: String }, [{ messageName: 1, correlationKey: 1, state: 1 }])),
    messages: model('engine_messages', loose({ name: String, correlationKey: String, state: String, expiresAt: Date, variables: M }, [{ name: 1, correlationKey: 1, state: 1 }])),
    incidents: model('engine_incidents', loose({ instanceKey: String, state: String }, [{ instanceKey: 1 }, { state: 1 }])),
    outboxDone: model('engine_outbox_done', loose({})),
  };
}

export { isDuplicateKeyError as isDuplicateKey } from '../../mongo/mongo-errors';
