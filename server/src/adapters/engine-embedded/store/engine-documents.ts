// The shapes of the embedded engine's stored rows, one type per collection (engine-collections.ts). The
// collections stay schemaless (strict: false) so a row written by an older version still loads; these types
// say what the engine writes today. Ids are deterministic strings derived from the instance state.
import type { IncidentView, UserTaskView, Variables } from '../../../ports/workflow-engine.port';
import type { ProcessModel } from '../model/process-model';
import type { Effect, InstanceState, JobSpec } from '../runtime/instance-state';

/** One process instance: its state and the outbox (effects) of its last step, written as one document. */
export interface InstanceDoc {
  _id: string;
  processId: string;
  version: number;
  /** Counts the instance's saved steps from 1; a save names the revision it read (instance-store.ts). */
  rev: number;
  state: InstanceState;
  effects: Effect[];
  /** The outbox may not be applied yet (instance-runner.ts); a done-marker can say it was. */
  pending: boolean;
  status: InstanceState['status'];
  businessKey?: string;
  parentKey?: string;
  hasIncident?: boolean;
  savedAt?: Date;
  startedAt: string;
  endedAt?: string;
  /** Revision-checked store on FerretDB: the claim whose step this revision is. */
  claim?: string;
  [k: string]: unknown;
}

/** The fields one step writes into an instance document (a `$set`). */
export type InstanceUpdate = Partial<Omit<InstanceDoc, '_id'>> & { rev?: number };

export interface DeploymentDoc {
  _id: string; // `<processId>:<version>`
  processId: string;
  version: number;
  checksum: string;
  resourceName: string;
  xml: string;
  model: ProcessModel;
  deployedAt: string;
  by?: string;
  comment?: string;
  [k: string]: unknown;
}

export interface FormDoc {
  _id: string;
  formId: string;
  version: number;
  checksum: string;
  [k: string]: unknown;
}

export type TaskDoc = Omit<UserTaskView, 'key'> & { _id: string; key?: string; [k: string]: unknown };

/** A job row; a job leased in memory (job-leases.ts) has none, and is handled as one with `leased`. */
export interface JobDoc extends JobSpec {
  _id: string;
  processId: string;
  instanceKey: string;
  state?: 'activatable' | 'locked' | 'failed';
  dueAt?: Date;
  lockedUntil?: Date;
  attempts?: number;
  lastError?: string;
  leased?: boolean;
  [k: string]: unknown;
}

interface TimerBase {
  _id: string;
  state: string;
  dueAt: Date;
  elementId?: string;
  [k: string]: unknown;
}

/** A timer of a running instance, or a timer start event's (which deployed process it starts, n-th firing). */
export type TimerDoc =
  | (TimerBase & { startOf?: undefined; instanceKey: string; tokenId: string })
  | (TimerBase & { startOf: { processId: string; version: number; elementId: string }; cycle?: { remaining?: number; interval?: string } | null; n: number; instanceKey?: undefined });

export interface SubscriptionDoc {
  _id: string;
  instanceKey: string;
  messageName: string;
  correlationKey: string;
  elementId?: string;
  tokenId?: string;
  state: string;
  createdAt?: Date;
  [k: string]: unknown;
}

export interface MessageDoc {
  _id: string;
  name: string;
  correlationKey: string;
  variables?: Variables;
  state: string;
  publishedAt?: Date;
  expiresAt?: Date;
  consumedBy?: string;
  [k: string]: unknown;
}

export type IncidentDoc = Omit<IncidentView, 'id'> & { _id: string; id?: string; tokenId?: string; processId?: string; resolvedAt?: string; [k: string]: unknown };

/** `<instance key>#<rev>`: that revision's outbox was applied. */
export interface OutboxDoneDoc {
  _id: string;
}

/**
 * `<instance key>#<rev>`: revision `rev` of the instance was claimed by one writer (revision-checked store
 * on FerretDB). `set` is the step it commits, kept until the instance document holds that revision.
 */
export interface InstanceRevisionDoc {
  _id: string;
  instanceKey: string;
  rev: number;
  set?: InstanceUpdate;
  at: Date;
}
