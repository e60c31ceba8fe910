// Signal broadcast, Camunda 8.8 style: a signal has no correlation key and is not kept — it reaches every
// signal catch of its name open now (intermediate catch, boundary and event sub-process starts, in every
// instance, each catch once) and starts every latest process with a signal start event of that name.
// A broadcast thrown by an instance goes out through its outbox; replayed after a failure or crash it reaches
// only the catches open when it was thrown (`at`), each of which ignores a delivery it has had (its id), and
// starts each process once (the start key is derived from the throw).
import { NotFoundError } from '../../../domain/errors';
import type { Variables } from '../../../ports/workflow-engine.port';
import { signalSubscription } from '../runtime/triggers';
import type { EngineCollections } from '../store/engine-collections';
import type { SubscriptionDoc } from '../store/engine-documents';
import { retry } from '../store/transient-retry';
import type { DeploymentService } from './deployment.service';
import { newKey, type InstanceRunner } from './instance-runner';

export class SignalBroadcaster {
  constructor(
    private readonly db: EngineCollections,
    private readonly runner: InstanceRunner,
    private readonly deployments: DeploymentService,
  ) {}

  /** Returns how many catches and starts the signal reached. */
  async broadcast(name: string, variables: Variables, id: string = newKey(), at?: Date): Promise<{ reached: number }> {
    let reached = 0;
    const filter = { messageName: signalSubscription(name), state: 'open', ...(at ? { createdAt: { $lte: at } } : {}) };
    const subs = await retry(() => this.db.subscriptions.find(filter).sort({ createdAt: 1 }).lean<SubscriptionDoc[]>());
    for (const sub of subs) {
      const ok = await this.runner.execute(sub.instanceKey, { kind: 'trigger', key: sub._id, vars: variables, deliveryId: id }).catch((e) => {
        if (e instanceof NotFoundError) return false;
        throw e;
      });
      if (ok) reached++;
    }
    for (const d of await this.deployments.latestSignalStarts()) {
      for (const start of d.starts.filter((s) => s.signalName === name)) {
        await this.runner.start({ key: `${id}.${d.processId}.${start.elementId}`, processId: d.processId, version: d.version, startElementId: start.elementId, variables });
        reached++;
      }
    }
    return { reached };
  }
}
