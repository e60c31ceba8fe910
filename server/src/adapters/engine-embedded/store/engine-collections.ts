// MongoDB collections of the embedded engine. Documents are keyed by deterministic ids derived from the
// instance state, so re-applying an outbox entry after a crash finds the row it already wrote.
// Only the FerretDB 1.24 subset is used: no transactions, TTL or partial indexes, no positional updates.
import { Schema, type Connection, type Model } from 'mongoose';
import type {
  DeploymentDoc, FormDoc, IncidentDoc, InstanceDoc, InstanceRevisionDoc, JobDoc, MessageDoc, OutboxDoneDoc, SubscriptionDoc, TaskDoc, TimerDoc,
} from './engine-documents';
import type { DecisionGraphDoc } from '../dmn/decision-store';
import { insertBatcher, type InsertBatcher } from './insert-batcher';
import { UpdateBatcher } from './update-batcher';

const loose = (fields: Record<string, unknown>, indexes: Record<string, 1 | -1>[] = []) => {
  const schema = new Schema({ _id: String, ...fields }, { strict: false, versionKey: false, minimize: false });
  for (const ix of indexes) schema.index(ix);
  return schema;
};

export interface EngineCollections {
  deployments: Model<DeploymentDoc>;
  forms: Model<FormDoc>;
  instances: Model<InstanceDoc>;
  tasks: Model<TaskDoc>;
  jobs: Model<JobDoc>;
  timers: Model<TimerDoc>;
  subscriptions: Model<SubscriptionDoc>;
  messages: Model<MessageDoc>;
  incidents: Model<IncidentDoc>;
  /** `<instance key>#<rev>`: that revision's outbox was applied (an insert is far cheaper than an update here). */
  outboxDone: Model<OutboxDoneDoc>;
  /** `<instance key>#<rev>`: who claimed that revision (revision-checked-instance-store.ts, FerretDB only). */
  instanceRevisions: Model<InstanceRevisionDoc>;
  /** `<graph id>:<version>`: a deployed DMN file (dmn/decision-store.ts). */
  decisions: Model<DecisionGraphDoc>;
  /** Group-committed inserts of the rows written insert-once (insert-once.ts), one per collection. */
  inserts: Record<'instances' | 'instanceRevisions' | 'outboxDone' | 'tasks' | 'jobs' | 'timers' | 'subscriptions' | 'incidents', InsertBatcher>;
  /** Group-committed updates of instance documents by _id (update-batcher.ts). */
  updates: { instances: UpdateBatcher };
}

/**
 * The engine's collections and their group-commit writers. Called once per engine: the writers batch what
 * that engine's steps write at the same moment (a second engine on the connection shares the models only).
 */
export function engineCollections(conn: Connection): EngineCollections {
  const models = engineModels(conn);
  const { instances, instanceRevisions, outboxDone, tasks, jobs, timers, subscriptions, incidents } = models;
  const inserts = { instances, instanceRevisions, outboxDone, tasks, jobs, timers, subscriptions, incidents };
  return {
    ...models,
    inserts: Object.fromEntries(Object.entries(inserts).map(([name, m]) => [name, insertBatcher(m)])) as EngineCollections['inserts'],
    updates: { instances: new UpdateBatcher(instances) },
  };
}

function engineModels(conn: Connection): Omit<EngineCollections, 'inserts' | 'updates'> {
  // One model per name and connection: a second engine on the same connection shares them.
  const model = <T>(name: string, schema: Schema) => (conn.models[name] ?? conn.model(name, schema, name)) as unknown as Model<T>;
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
    instanceRevisions: model('engine_instance_revisions', loose({ instanceKey: String, rev: Number, set: M, at: Date })),
    decisions: model('engine_decisions', loose({ graphId: String, version: Number, decisionIds: [String], checksum: String, graph: M }, [{ graphId: 1, version: -1 }])),
  };
}

export { isDuplicateKeyError as isDuplicateKey } from '../../mongo/mongo-errors';
