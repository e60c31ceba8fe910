// The monitor's read side over the engine's instance documents: lists, per-element counts of running
// instances, and the path one instance has taken. Counting happens here rather than in an aggregation:
// tokens live inside the saved state, and FerretDB 1.24's $unwind/$group over nested arrays is the kind of
// subset edge we do not want to depend on. Only token positions are fetched, and only of running instances.
import type { ElementCount, ElementCounts, InstancePath, InstanceSummary, InstanceView } from '../../../ports/workflow-engine.port';
import type { InstanceState } from '../runtime/instance-state';
import { readTimeline } from '../runtime/timeline-codec';
import type { EngineCollections } from '../store/engine-collections';
import type { InstanceDoc } from '../store/engine-documents';
import type { DeploymentService } from './deployment.service';

export interface InstanceFilter {
  processId: string;
  version?: number;
  state?: InstanceView['state'];
  offset?: number;
  limit?: number;
}

type Doc = InstanceDoc;

// Only where the tokens are: variables and timelines (up to 400 entries) stay in the database.
const TOKENS = { 'state.tokens.elementId': 1, 'state.tokens.state': 1 };
const SUMMARY = { processId: 1, version: 1, businessKey: 1, parentKey: 1, 'state.vars.caseId': 1, status: 1, hasIncident: 1, startedAt: 1, endedAt: 1, ...TOKENS };

export class InstanceListing {
  constructor(private readonly db: EngineCollections, private readonly deployments: DeploymentService) {}

  async list(filter: InstanceFilter): Promise<{ items: InstanceSummary[]; total: number }> {
    const q: Record<string, unknown> = { processId: filter.processId };
    if (filter.version !== undefined) q.version = filter.version;
    if (filter.state === 'incident') Object.assign(q, { status: 'active', hasIncident: true });
    else if (filter.state === 'active') Object.assign(q, { status: 'active', hasIncident: { $ne: true } });
    else if (filter.state) q.status = filter.state;
    const [docs, total] = await Promise.all([
      this.db.instances.find(q, SUMMARY).sort({ startedAt: -1, _id: 1 }).skip(filter.offset ?? 0).limit(filter.limit ?? 50).lean<Doc[]>(),
      this.db.instances.countDocuments(q),
    ]);
    return { items: docs.map(toSummary), total };
  }

  async countActive(processId: string, version: number): Promise<ElementCounts> {
    const docs = await this.db.instances.find({ processId, version, status: 'active' }, TOKENS).lean<Doc[]>();
    const counts = new Map<string, ElementCount>();
    let incidents = 0;
    for (const d of docs) {
      const tokens = (d.state as InstanceState).tokens.filter((t) => t.state !== 'ready');
      if (tokens.some((t) => t.state === 'incident')) incidents++;
      // One instance counts once per element, however many tokens (multi-instance, joins) it has there.
      for (const elementId of new Set(tokens.map((t) => t.elementId))) {
        const c = counts.get(elementId) ?? { elementId, active: 0, incidents: 0 };
        c.active++;
        if (tokens.some((t) => t.elementId === elementId && t.state === 'incident')) c.incidents++;
        counts.set(elementId, c);
      }
    }
    return { elements: [...counts.values()].sort((a, b) => a.elementId.localeCompare(b.elementId)), running: docs.length, incidents };
  }

  /**
   * Completed elements come from the timeline; a flow counts as taken when its source completed and its
   * target was activated after that (the interpreter records elements, not flows).
   */
  async path(instanceKey: string): Promise<InstancePath | undefined> {
    const d = await this.db.instances.findById(instanceKey, { state: 1, processId: 1, version: 1 }).lean<Doc>();
    if (!d) return undefined;
    const state = d.state as InstanceState;
    const { model } = await this.deployments.model(d.processId, d.version);
    const completedAt = new Map<string, number>();
    const activatedAt = new Map<string, number[]>();
    readTimeline(state.timeline).forEach((e, i) => {
      if (e.event === 'completed' && !completedAt.has(e.elementId)) completedAt.set(e.elementId, i);
      if (e.event === 'activated') activatedAt.set(e.elementId, [...(activatedAt.get(e.elementId) ?? []), i]);
    });
    const takenFlowIds = Object.values(model.flows)
      .filter((f) => completedAt.has(f.source) && (activatedAt.get(f.target) ?? []).some((i) => i > completedAt.get(f.source)!))
      .map((f) => f.id);
    return {
      completedElementIds: [...completedAt.keys()].filter((id) => model.elements[id]),
      takenFlowIds,
      activeElementIds: activeIds(state),
    };
  }
}

const activeIds = (state: InstanceState) => [...new Set(state.tokens.filter((t) => t.state !== 'ready').map((t) => t.elementId))];

function toSummary(d: Doc): InstanceSummary {
  return {
    key: d._id, processId: d.processId, version: d.version,
    ...(d.businessKey ? { businessKey: d.businessKey } : {}),
    ...(typeof d.state?.vars?.caseId === 'string' && d.state.vars.caseId ? { caseId: d.state.vars.caseId } : {}),
    ...(d.parentKey ? { parentKey: d.parentKey } : {}),
    state: d.status === 'active' && d.hasIncident ? 'incident' : d.status,
    activeElementIds: activeIds(d.state as InstanceState),
    startedAt: d.startedAt,
    ...(d.endedAt ? { endedAt: d.endedAt } : {}),
  };
}
