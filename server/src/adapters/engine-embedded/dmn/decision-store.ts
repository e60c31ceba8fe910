// Deployed DMN files, versioned like processes: one row per version of a decision requirements graph (the
// file's definitions id), new content → a new version, the same content → the same version, every version
// kept. A business rule task calls the latest version of its decision (Zeebe's binding "latest"), read at
// most once a second per decision, as the latest process model is.
import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import type { DeployResource } from '../../../ports/workflow-engine.port';
import { isDuplicateKey } from '../store/engine-collections';
import type { ProcessModel } from '../model/process-model';
import type { DecisionLookup } from './call-decision';
import type { DecisionGraph } from './decision-model';

export interface DecisionGraphDoc {
  _id: string; // `<graph id>:<version>`
  graphId: string;
  version: number;
  /** The decisions the graph holds (a business rule task finds its decision's graph by these). */
  decisionIds: string[];
  checksum: string;
  resourceName: string;
  xml: string;
  graph: DecisionGraph;
  deployedAt: string;
  by?: string;
  comment?: string;
}

export interface StoredDecision { graph: DecisionGraph; version: number }

export interface DeployedDecisions { graphId: string; version: number; decisionIds: string[]; resourceName: string; checksum: string; isNew: boolean }

const FRESH_MS = 1000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class DecisionStore {
  private readonly latest = new Map<string, { found: StoredDecision | undefined; at: number }>();
  /** Decision ids each compiled model calls (models are cached and shared, so this is worked out once). */
  private readonly calledBy = new WeakMap<ProcessModel, string[]>();
  /** Every deployed decision id, re-read at most once a second (a task whose decision id is an expression needs them each step). */
  private allIds?: { ids: string[]; at: number };

  constructor(private readonly rows: Model<DecisionGraphDoc>, private readonly now: () => Date) {}

  async store(resource: DeployResource, graph: DecisionGraph, opts: { by?: string; comment?: string }): Promise<DeployedDecisions> {
    const checksum = sha256(resource.content);
    const decisionIds = Object.keys(graph.decisions);
    for (;;) {
      const last = await this.rows.findOne({ graphId: graph.id }, { xml: 0, graph: 0 }).sort({ version: -1 }).lean<DecisionGraphDoc>();
      const base = { graphId: graph.id, decisionIds, resourceName: resource.name, checksum };
      if (last?.checksum === checksum) return { ...base, version: last.version, isNew: false };
      const version = (last?.version ?? 0) + 1;
      try {
        await this.rows.create({ _id: `${graph.id}:${version}`, ...base, version, xml: resource.content, graph, deployedAt: this.now().toISOString(), by: opts.by, comment: opts.comment });
      } catch (e) {
        if (isDuplicateKey(e)) continue; // a concurrent deploy took this version number: look again
        throw e;
      }
      for (const id of decisionIds) this.latest.set(id, { found: { graph, version }, at: this.now().getTime() });
      if (this.allIds) this.allIds.ids = [...new Set([...this.allIds.ids, ...decisionIds])];
      return { ...base, version, isNew: true };
    }
  }

  /** The latest version of the graph holding this decision, or undefined when none is deployed. */
  async latestFor(decisionId: string): Promise<StoredDecision | undefined> {
    const cached = this.latest.get(decisionId);
    if (cached && this.now().getTime() - cached.at < FRESH_MS) return cached.found;
    const doc = await this.rows.findOne({ decisionIds: decisionId }, { graph: 1, version: 1 }).sort({ version: -1 }).lean<DecisionGraphDoc>();
    const found = doc ? { graph: doc.graph, version: doc.version } : undefined;
    this.latest.set(decisionId, { found, at: this.now().getTime() });
    return found;
  }

  /**
   * The decisions a model's business rule tasks may call, loaded before a step of one of its instances (the
   * token machine is synchronous). Undefined for a model that calls none — nothing is read then.
   */
  async lookupFor(model: ProcessModel): Promise<DecisionLookup | undefined> {
    let called = this.calledBy.get(model);
    if (!called) this.calledBy.set(model, (called = Object.values(model.elements).flatMap((el) => (el.decision ? [el.decision.decisionId] : []))));
    if (!called.length) return undefined;
    // A decision id written as an expression may name any deployed decision.
    const ids = called.some((id) => id.trimStart().startsWith('=')) ? await this.allDecisionIds() : [...new Set(called)];
    const found = new Map<string, StoredDecision>();
    for (const id of ids) {
      const stored = await this.latestFor(id);
      if (stored) found.set(id, stored);
    }
    return (id) => found.get(id);
  }

  /** Ids of every deployed decision (for a business rule task whose decision id is an expression). */
  async allDecisionIds(): Promise<string[]> {
    if (this.allIds && this.now().getTime() - this.allIds.at < FRESH_MS) return this.allIds.ids;
    const docs = await this.rows.find({}, { decisionIds: 1 }).lean<Pick<DecisionGraphDoc, 'decisionIds'>[]>();
    this.allIds = { ids: [...new Set(docs.flatMap((d) => d.decisionIds))], at: this.now().getTime() };
    return this.allIds.ids;
  }

  /** The graph that already holds a decision id (a decision belongs to one DMN file, as in Zeebe). */
  async graphOf(decisionId: string): Promise<string | undefined> {
    const doc = await this.rows.findOne({ decisionIds: decisionId }, { graphId: 1 }).lean<DecisionGraphDoc>();
    return doc?.graphId;
  }

  async list(): Promise<Omit<DecisionGraphDoc, 'xml' | 'graph'>[]> {
    return this.rows.find({}, { xml: 0, graph: 0 }).lean<Omit<DecisionGraphDoc, 'xml' | 'graph'>[]>();
  }
}
