// Read side of the engine port: plain views built from the engine's collections.
import type { IncidentView, InstanceView, UserTaskView, WaitingJob } from '../../../ports/workflow-engine.port';
import type { ProcessModel } from '../model/process-model';
import type { InstanceState } from '../runtime/instance-state';
import { readTimeline } from '../runtime/timeline-codec';
import type { EngineCollections } from '../store/engine-collections';
import type { InstanceDoc, TaskDoc, IncidentDoc } from '../store/engine-documents';
import { toIncidentView } from './effect-applier';

export class EngineQueries {
  /** `cached`: the runner's copy of an instance as last stored by this process, when it has one. */
  /** `modelOf`: a version's model when the engine has it at hand (for the job types instances wait on). */
  constructor(
    private readonly db: EngineCollections,
    private readonly cached: (key: string) => object | undefined = () => undefined,
    private readonly modelOf: (processId: string, version: number) => ProcessModel | undefined = () => undefined,
  ) {}

  async instance(key: string): Promise<InstanceView | undefined> {
    // The cached copy is what the collection holds (instance-cache.ts): a task completion asks twice for
    // an instance it has just stepped (its form's variables, the next task's case), two reads saved.
    const hit = this.cached(key) as InstanceDoc | undefined;
    const d = hit ?? (await this.db.instances.findById(key).lean<InstanceDoc>());
    if (!d) return undefined;
    const state = d.state as InstanceState;
    const waitingJobs = waitingJobsOf(state, this.modelOf(d.processId, d.version));
    return {
      key: d._id, processId: d.processId, version: d.version,
      ...(d.businessKey ? { businessKey: d.businessKey } : {}),
      ...(d.parentKey ? { parentKey: d.parentKey } : {}),
      state: d.status === 'active' && d.hasIncident ? 'incident' : d.status,
      activeElementIds: [...new Set(state.tokens.filter((t) => t.state !== 'ready').map((t) => t.elementId))],
      variables: hit ? structuredClone(state.vars) : state.vars, // a caller must not change the cached state
      timeline: readTimeline(state.timeline),
      startedAt: d.startedAt,
      ...(d.endedAt ? { endedAt: d.endedAt } : {}),
      ...(waitingJobs.length ? { waitingJobs } : {}),
    };
  }

  async task(key: string): Promise<UserTaskView | undefined> {
    const d = await this.db.tasks.findById(key).lean<TaskDoc>();
    return d ? toTask(d) : undefined;
  }

  async tasks(filter: { instanceKey?: string; state?: UserTaskView['state'] } = {}): Promise<UserTaskView[]> {
    const q: Record<string, unknown> = {};
    if (filter.instanceKey) q.instanceKey = filter.instanceKey;
    if (filter.state) q.state = filter.state;
    const docs = await this.db.tasks.find(q).sort({ createdAt: 1 }).lean<TaskDoc[]>();
    return docs.map(toTask);
  }

  async incidents(filter: { instanceKey?: string; state?: IncidentView['state'] } = {}): Promise<IncidentView[]> {
    const q: Record<string, unknown> = {};
    if (filter.instanceKey) q.instanceKey = filter.instanceKey;
    if (filter.state) q.state = filter.state;
    const docs = await this.db.incidents.find(q).sort({ createdAt: 1 }).lean<IncidentDoc[]>();
    return docs.map(toIncidentView);
  }
}

/** Tokens waiting on a job, with the job type from the model (a listener's from the task's listeners of its phase). */
function waitingJobsOf(state: InstanceState, model: ProcessModel | undefined): WaitingJob[] {
  return state.tokens.flatMap((t): WaitingJob[] => {
    if (t.wait?.kind !== 'job') return [];
    const el = model?.elements[t.elementId];
    const listener = t.wait.listener;
    const exec = t.wait.exec;
    if (exec) {
      const type = ((exec.process ? model?.listeners : el?.listeners) ?? []).filter((l) => l.eventType === exec.phase)[exec.index]?.type;
      return [{ elementId: t.elementId, ...(type ? { jobType: type } : {}), executionListener: exec.phase }];
    }
    const jobType = listener ? el?.userTask?.listeners.filter((l) => l.eventType === listener.phase)[listener.index]?.type : el?.job?.type;
    return [{ elementId: t.elementId, ...(jobType ? { jobType } : {}), ...(listener ? { listener: listener.phase } : {}) }];
  });
}

function toTask(d: TaskDoc): UserTaskView {
  const { _id, ...rest } = d;
  void _id;
  return rest as UserTaskView;
}
