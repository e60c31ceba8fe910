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

type Sent = { correlated: boolean; duplicate?: boolean; buffered?: boolean };

export class ZeebeMessages {
  /**
   * Message id → its correlation, newest last: asked again, it is not sent again. Kept from the moment it is
   * sent (a double click while the first is on its way must not start a second instance) and only while it
   * reached someone: one nobody took is sent again later, when a process may be waiting for it.
   */
  private readonly correlations = new Map<string, Promise<Sent>>();

  constructor(private readonly api: ZeebeApi, private readonly tenantId?: string) {}

  async publish(name: string, correlationKey: string, variables: Variables, opts: { ttlMs?: number; messageId?: string }): Promise<Sent> {
    const id = opts.messageId && !opts.ttlMs ? `${name}|${opts.messageId}` : undefined;
    if (id === undefined) return this.send(name, correlationKey, variables, opts);
    // The cluster cannot deduplicate a correlation; this server can, for the ids it sent (not across servers).
    const earlier = this.correlations.get(id);
    if (earlier) {
      const first = await earlier;
      return first.correlated ? { correlated: true, duplicate: true } : first;
    }
    const sending = this.send(name, correlationKey, variables, opts);
    this.remember(id, sending);
    const forget = () => { if (this.correlations.get(id) === sending) this.correlations.delete(id); };
    try {
      const sent = await sending;
      if (!sent.correlated) forget();
      return sent;
    } catch (e) {
      forget();
      throw e;
    }
  }

  private async send(name: string, correlationKey: string, variables: Variables, opts: { ttlMs?: number; messageId?: string }): Promise<Sent> {
    const tenant = this.tenantId ? { tenantId: this.tenantId } : {};
    if (!opts.ttlMs || !opts.messageId) {
      try {
        await this.api.correlateMessage({ name, correlationKey, variables, ...tenant } as never);
        return { correlated: true };
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
      if (!opts.ttlMs) return { correlated: false };
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

  private remember(id: string, sending: Promise<Sent>): void {
    this.correlations.set(id, sending);
    if (this.correlations.size > REMEMBERED_IDS) this.correlations.delete(this.correlations.keys().next().value!);
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
