// Messages through /v2/messages: a message meant for someone waiting now is correlated (Zeebe then says
// whether anyone was); one nobody waits for is published with its time to live, to be buffered for a later
// subscriber. Incidents through /v2/incidents, resolved the way Operate does: a job out of retries gets one
// retry back first, or the resolved incident would be raised again at once.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { NotFoundError } from '../../domain/errors';
import type { IncidentView, Variables } from '../../ports/workflow-engine.port';
import { NOW, statusOf, type ZeebeApi } from './zeebe-client';
import { toIncidentView } from './zeebe-mapping';

export class ZeebeMessages {
  constructor(private readonly api: ZeebeApi, private readonly tenantId?: string) {}

  async publish(name: string, correlationKey: string, variables: Variables, opts: { ttlMs?: number; messageId?: string }) {
    const tenant = this.tenantId ? { tenantId: this.tenantId } : {};
    if (!opts.messageId) {
      try {
        await this.api.correlateMessage({ name, correlationKey, variables, ...tenant } as never);
        return { correlated: true };
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
        if (!opts.ttlMs) return { correlated: false };
      }
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
