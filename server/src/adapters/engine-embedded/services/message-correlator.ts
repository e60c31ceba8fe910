// Message correlation by name + correlation key, Zeebe style: a published message goes to every instance with
// an open matching subscription (once per instance) and starts processes with that message start event;
// otherwise it is buffered for its TTL and consumed once by the first subscription that opens later.
// A messageId makes publishing idempotent: the same id is ignored while the first message is known.
import type { Variables } from '../../../ports/workflow-engine.port';
import { isDuplicateKey, type EngineCollections } from '../store/engine-collections';
import type { InstanceDoc, MessageDoc, SubscriptionDoc } from '../store/engine-documents';
import { retry } from '../store/transient-retry';
import type { DeploymentService } from './deployment.service';
import { newKey, type InstanceRunner } from './instance-runner';
import { KeyedMutex } from '../../concurrency/keyed-mutex';

export class MessageCorrelator {
  private readonly claims = new KeyedMutex();
  constructor(
    private readonly db: EngineCollections,
    private readonly runner: InstanceRunner,
    private readonly deployments: DeploymentService,
    private readonly now: () => Date,
  ) {}

  async publish(name: string, correlationKey: string, variables: Variables, opts: { ttlMs?: number; messageId?: string }) {
    const id = opts.messageId ? `${name}|${opts.messageId}` : newKey();
    const now = this.now();
    const doc = { _id: id, name, correlationKey, variables, state: 'publishing', publishedAt: now, expiresAt: new Date(now.getTime() + (opts.ttlMs ?? 0)) };
    try {
      await retry(() => this.db.messages.create(doc));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const existing = await this.db.messages.findById(id).lean<MessageDoc>();
      if (existing && existing.state !== 'publishing') return { correlated: false, duplicate: true };
    }
    let correlated = false;
    const seen = new Set<string>();
    const subs = await retry(() => this.db.subscriptions.find({ messageName: name, correlationKey, state: 'open' }).sort({ createdAt: 1 }).lean<SubscriptionDoc[]>());
    for (const sub of subs) {
      if (seen.has(sub.instanceKey)) continue;
      if (await this.runner.execute(sub.instanceKey, { kind: 'trigger', key: sub._id, vars: variables })) {
        seen.add(sub.instanceKey);
        correlated = true;
      }
    }
    for (const d of await this.deployments.latestModels()) {
      for (const start of d.model.messageStarts.filter((s) => s.messageName === name)) {
        await this.runner.start({ key: `${id}.${d.processId}`, processId: d.processId, version: d.version, startElementId: start.elementId, variables, businessKey: correlationKey || undefined });
        correlated = true;
      }
    }
    const buffered = !correlated && (opts.ttlMs ?? 0) > 0;
    await retry(() => this.db.messages.updateOne({ _id: id }, { $set: { state: correlated ? 'correlated' : buffered ? 'buffered' : 'expired' } }));
    return { correlated, buffered };
  }

  /**
   * The same query as publish's, without publishing: who waits for this message now, and what it would start.
   * A subscription row outlives the wait it was opened for when that wait is the one a message ended (the
   * step disarms it without a close effect), so each row is checked against its instance's armed keys.
   */
  async recipients(name: string, correlationKey: string): Promise<{ instanceKeys: string[]; startsProcessIds: string[] }> {
    const subs = await retry(() => this.db.subscriptions.find({ messageName: name, correlationKey, state: 'open' }, { instanceKey: 1 }).lean<SubscriptionDoc[]>());
    const waiting = await Promise.all([...new Set(subs.map((s) => String(s.instanceKey)))].map(async (key) => {
      const doc = await retry(() => this.db.instances.findById(key, { 'state.tokens.armed': 1, 'state.armed': 1, status: 1 }).lean<InstanceDoc>());
      const live = doc?.status === 'active' ? doc.state : undefined;
      // Tokens' triggers, and the process scope's own (the message starts of its event sub-processes).
      const armed = new Set<string>([...(live?.tokens ?? []).flatMap((t) => t.armed ?? []), ...(live?.armed ?? [])].map((a) => a.key));
      return subs.some((s) => String(s.instanceKey) === key && armed.has(String(s._id))) ? [key] : [];
    }));
    const starts = (await this.deployments.latestModels()).filter((d) => d.model.messageStarts.some((s) => s.messageName === name));
    return { instanceKeys: waiting.flat(), startsProcessIds: starts.map((d) => d.processId) };
  }

  /** A subscription opened: hand it the oldest live buffered message, claimed so only one consumer gets it. */
  async subscriptionOpened(instanceKey: string, subKey: string, name: string, correlationKey: string): Promise<void> {
    // Claims are serialised per message name + key: FerretDB's findOneAndUpdate is not atomic across
    // concurrent callers, so two subscriptions could otherwise both take the same buffered message.
    const message = await this.claims.run(`${name}|${correlationKey}`, () => this.claim(subKey, name, correlationKey));
    if (message) await this.runner.execute(instanceKey, { kind: 'trigger', key: subKey, vars: message.variables ?? {} });
  }

  private async claim(subKey: string, name: string, correlationKey: string): Promise<MessageDoc | null> {
    let message = await retry(() => this.db.messages.findOne({ consumedBy: subKey }).lean<MessageDoc>());
    if (!message) {
      message = await retry(() => this.db.messages.findOneAndUpdate(
        { name, correlationKey, state: 'buffered', expiresAt: { $gt: this.now() } },
        { $set: { state: 'consumed', consumedBy: subKey } },
        { returnDocument: 'after', sort: { publishedAt: 1 } },
      ).lean<MessageDoc>());
    }
    return message;
  }
}
