// The persisted shape of one process instance and the effects one step implies. Plain JSON: it is saved in a
// single MongoDB document together with its pending effects (the transactional outbox).
import type { IncidentView, UserTaskView, Variables } from '../../../ports/workflow-engine.port';
import type { ListenerWait } from './task-listeners';
import type { ExecListenerWait } from './execution-listeners';
import type { StoredTimeline } from './timeline-codec';
import type { TaskAttributes } from './task-changes';

export interface Armed {
  key: string;
  kind: 'timer' | 'message';
  /** Element the trigger leads to: the catch event itself, a boundary event, or a gateway target. */
  elementId: string;
  /** eventSub: the start event of an event sub-process, armed while its scope is active. */
  role: 'self' | 'boundary' | 'gateway' | 'eventSub';
  cycle?: { remaining?: number; interval?: string; dueAt: string; n: number };
  /** The last signal deliveries it received (a catch kept open): a delivery repeated after a failure is a no-op. */
  seen?: string[];
}

/** How many deliveries a catch or call activity remembers: a repeat comes soon after the original. */
export const SEEN_MAX = 20;

/** Records a delivery id in `seen` (bounded); false when it was there already. */
export function markSeen(holder: { seen?: string[] }, id: string): boolean {
  if (holder.seen?.includes(id)) return false;
  holder.seen = [...(holder.seen ?? []), id].slice(-SEEN_MAX);
  return true;
}

export type Wait =
  | { kind: 'userTask'; taskKey: string }
  | { kind: 'job'; jobKey: string; listener?: ListenerWait; exec?: ExecListenerWait }
  | { kind: 'event' }
  | { kind: 'scope' }
  | { kind: 'multiInstance' }
  /** seen: the escalations of the child it has had (a delivery repeated after a failure is a no-op). */
  | { kind: 'call'; childKey: string; seen?: string[] }
  /** An uncaught BPMN error went up to the calling instances; waits for a catch there (or an incident here). */
  | { kind: 'thrownError'; code: string }
  | { kind: 'join' }
  /** A compensation throw waits until the handlers it started (token ids) have completed. */
  | { kind: 'compensation'; handlers: string[] };

/** `listener`: create the job of the task listener the token waits on again (its result could not be used). */
/** activate's `trigger`: an event sub-process's, the variables of what started it. */
export type Retry = { step: 'activate'; trigger?: Variables } | { step: 'leave'; vars: Variables } | { step: 'job'; jobKey: string } | { step: 'listener' };

export interface Token {
  id: string;
  elementId: string;
  /** 'root' or the id of the token that is this token's scope (sub-process or multi-instance body). */
  scope: string;
  state: 'ready' | 'waiting' | 'incident';
  via?: string;
  vars?: Variables;
  wait?: Wait;
  armed?: Armed[];
  incident?: { id: string; retry: Retry };
  inner?: { index: number };
  /** Its input mappings are applied and its start execution listeners have run (or are running). */
  prepared?: boolean;
  mi?: { items: unknown[]; next: number; active: number; outputs: unknown[]; completed: boolean };
}

export interface InstanceState {
  seq: number;
  vars: Variables;
  tokens: Token[];
  /** Encoded by timeline-codec.ts (an array in instances saved before it). */
  timeline: StoredTimeline;
  /** What the process scope itself waits on: the starts of its event sub-processes (timers, messages, signals). */
  armed?: Armed[];
  status: 'active' | 'completed' | 'cancelled';
  /** Completed activities with a compensation boundary, not yet compensated, by the scope they completed in. */
  compensable?: { elementId: string; scope: string }[];
}

export interface JobSpec {
  key: string;
  type: string;
  retries: number;
  elementId: string;
  tokenId: string;
  headers: Record<string, string>;
  variables: Variables;
}

export type Effect =
  | { type: 'task.create'; task: UserTaskView }
  | { type: 'task.close'; taskKey: string; state: 'completed' | 'cancelled'; by?: string; variables?: Variables }
  | { type: 'task.update'; taskKey: string; set: TaskAttributes; changedAttributes: string[]; event?: 'assigned' | 'updated'; by?: string; requestId?: string }
  /** A listener denied an assign/update/completion: nothing to write, the waiting caller is told. */
  | { type: 'task.denied'; taskKey: string; phase: string; reason: string; requestId?: string }
  | { type: 'job.create'; job: JobSpec }
  | { type: 'job.close'; jobKey: string; state: 'completed' | 'cancelled' }
  | { type: 'job.retry'; jobKey: string; retries: number; variables: Variables }
  | { type: 'timer.create'; key: string; dueAt: string; elementId: string; tokenId: string }
  | { type: 'timer.cancel'; key: string }
  | { type: 'subscription.open'; key: string; messageName: string; correlationKey: string; elementId: string; tokenId: string }
  | { type: 'subscription.close'; key: string }
  /** A signal thrown by this instance: broadcast to every signal catch and signal start (cross-instance).
   * at: when it was thrown; a catch opened later does not receive it, even when the delivery is repeated. */
  | { type: 'signal.broadcast'; id: string; name: string; variables: Variables; at?: string }
  | { type: 'child.start'; childKey: string; processId: string; variables: Variables; tokenId: string }
  | { type: 'child.cancel'; childKey: string }
  | { type: 'parent.notify'; parentKey: string; childKey: string; variables: Variables }
  /** A BPMN error no scope of this instance catches, offered to the caller's call activity. */
  | { type: 'parent.error'; parentKey: string; childKey: string; code: string; variables: Variables; origin: ErrorOrigin }
  /** An escalation no scope of this instance catches, offered to the caller's call activity (never an incident). */
  | { type: 'parent.escalation'; id?: string; parentKey: string; childKey: string; code: string }
  /** No instance up the call chain caught it: the thrower raises the incident. */
  | { type: 'origin.unhandled'; origin: ErrorOrigin; code: string }
  | { type: 'incident.raise'; incident: IncidentView; tokenId: string }
  | { type: 'incident.resolve'; incidentId: string }
  | { type: 'instance.end'; state: 'completed' | 'cancelled' };

export interface ErrorOrigin { instanceKey: string; tokenId: string; elementId: string }

export const MAX_TIMELINE = 400;

export function newState(vars: Variables): InstanceState {
  return { seq: 0, vars: { ...vars }, tokens: [], timeline: '', status: 'active' };
}
