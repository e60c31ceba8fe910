// The monitor's calls to /api/instances, /api/incidents, /api/messages and /api/migrations.
import type {
  IncidentResolvedBody, InstanceCancelledBody, InstanceDetailBody, InstanceListBody, MessagePublishedBody, MessageRequest, MigrationOutcomeBody,
  MigrationRequest, MonitorProcessesBody, VersionOverviewBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth';

/** The monitor's answers as the API's schemas describe them (server/src/http/openapi/monitor-schemas.ts). */
export type ProcessVersions = MonitorProcessesBody['items'][number];
export type Overview = VersionOverviewBody;
export type ElementCount = Overview['counts'][number];
export type InstanceSummary = InstanceListBody['items'][number];
export type InstanceState = InstanceSummary['state'];
export type InstanceDetail = InstanceDetailBody;
export type Incident = InstanceDetail['incidents'][number];
export type MigrationResult = MigrationOutcomeBody['results'][number];
export type MigrationBody = MigrationRequest;

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** The processes, and what the engine cannot show (Camunda 8: said on the page rather than left empty). */
const listing = () => apiFetch<MonitorProcessesBody>('GET', '/api/instances/processes');

export const monitorApi = {
  listing,
  processes: () => listing().then((r) => r.items),
  overview: (processId: string, version: number) => apiFetch<Overview>('GET', `/api/instances/overview?${q({ processId, version })}`),
  list: (processId: string, version: number | undefined, state: InstanceState | '', offset = 0) =>
    apiFetch<InstanceListBody>('GET', `/api/instances?${q({ processId, version, state, offset, limit: 50 })}`),
  instance: (key: string) => apiFetch<InstanceDetail>('GET', `/api/instances/${encodeURIComponent(key)}`),
  cancel: (key: string, reason: string) => apiFetch<InstanceCancelledBody>('POST', `/api/instances/${encodeURIComponent(key)}/cancel`, { reason }),
  resolve: (incidentId: string) => apiFetch<IncidentResolvedBody>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/resolve`, {}),
  message: (body: MessageRequest) => apiFetch<MessagePublishedBody>('POST', '/api/messages', body),
  migrate: (body: MigrationBody) => apiFetch<MigrationOutcomeBody>('POST', '/api/migrations', body),
};
