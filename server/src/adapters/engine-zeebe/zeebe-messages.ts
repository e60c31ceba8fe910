// Messages through /v2/messages. A message without a time to live is correlated (POST /messages/correlation:
// 200 when a subscription or a message start event took it, 404 when none did — the only answer Zeebe gives
// to "did anyone receive it"), whether or not it carries a message id: the correlation request has no
// message id, and the 8.8 specification says a publication's id deduplicates only while the message lives,
// which without a time to live is not at all. A message with a time to live is correlated first when it
// has no id, and otherwise published, to be buffered for a later subscriber and deduplicated by its id
// (docs/zeebe.md, "Messages"). Incidents through /v2/incidents, resolved the way Operate does: a job out of
// retries gets one retry back first, or the resolved incident would be raised again at once.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { NotFoundError } from '../../domain/errors';
import type { IncidentView, Variables } from '../../ports/workflow-engine.port';
import { NOW, statusOf, type ZeebeApi } from './zeebe-client';
import { toIncidentView } from './zeebe-mapping';

/** How many correlated message ids this server remembers (a retried job, a resubmitted form). */
const REMEMBERED_IDS = 10_000;

export class ZeebeMessages {
  /** Message id → whether its correlation reached anyone, newest last: asked again, it is not sent again. */
  private readonly correlatedIds = new Map<string, boolean>();

  constructor(private readonly api: ZeebeApi, private readonly tenantId?: string) {}

  async publish(name: string, correlationKey: string, variables: Variables, opts: { ttlMs?: number; messageId?: string }) {
    const tenant = this.tenantId ? { tenantId: this.tenantId } : {};
    const id = opts.messageId && !opts.ttlMs ? `${name}|${opts.messageId}` : undefined;
    // The cluster cannot deduplicate a correlation; this server can, for the ids it sent (not across servers).
    const earlier = id === undefined ? undefined : this.correlatedIds.get(id);
    if (earlier !== undefined) return { correlated: earlier, duplicate: true };
    if (!opts.ttlMs || !opts.messageId) {
      let correlated = true;
      try {
        await this.api.correlateMessage({ name, correlationKey, variables, ...tenant } as never);
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
        correlated = false;
      }
      if (id !== undefined) this.remember(id, correlated);
      if (correlated || !opts.ttlMs) return { correlated };
    }
    try {
      await this.api.publishMessage({
        name, correlationKey, timeToLive: opts.ttlMs ?? 0, variables, ...(opts.messageId ? { messageId: opts.messageId } : {}), ...tenant,
      } as never);
    } catch (e) {
      if (statusOf(e) === 409) return { correlated: false, duplicate: true };
      throw e;
    }
    return { correlated: false, buffered: !!opts.ttlMs };
  }

  private remember(id: string, correlated: boolean): void {
    this.correlatedIds.set(id, correlated);
    if (this.correlatedIds.size > REMEMBERED_IDS) this.correlatedIds.delete(this.correlatedIds.keys().next().value!);
  }

  /** Zeebe's search cannot say which message start events a message would trigger: startsProcessIds stays empty. */
  async recipients(name: string, correlationKey: string) {
    const res: any = await this.api.searchMessageSubscriptions({
      filter: { messageName: name, correlationKey, messageSubscriptionState: 'CREATED' }, page: { limit: 1000 },
    } as never, NOW);
    return { instanceKeys: [...new Set<string>((res.items ?? []).map((s: any) => String(s.processInstanceKey)))], startsProcessIds: [] as string[] };
  }

  async resolveIncident(incidentId: string): Promise<void> {
    let incident: any;
    try {
      incident = await this.api.getIncident({ incidentKey: incidentId } as never, NOW);
    } catch (e) {
      if (statusOf(e) === 404) throw new NotFoundError(`incident '${incidentId}' not found`, 'INCIDENT_NOT_FOUND');
      throw e;
    }
    if (incident.state === 'RESOLVED') return;
    if (incident.jobKey) await this.api.updateJob({ jobKey: String(incident.jobKey), changeset: { retries: 1 } } as never);
    await this.api.resolveIncident({ incidentKey: incidentId } as never);
  }

  async listIncidents(filter: { instanceKey?: string; state?: IncidentView['state'] } = {}): Promise<IncidentView[]> {
    const res: any = await this.api.searchIncidents({
      filter: { ...(filter.instanceKey ? { processInstanceKey: filter.instanceKey } : {}), ...(filter.state ? { state: filter.state === 'open' ? 'ACTIVE' : 'RESOLVED' } : {}) },
      page: { limit: 1000 },
    } as never, NOW);
    return (res.items ?? []).map(toIncidentView);
  }
}
