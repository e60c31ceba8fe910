// The monitor's calls to /api/instances, /api/incidents, /api/messages and /api/migrations.
import { apiFetch } from '../auth';

export type InstanceState = 'active' | 'incident' | 'completed' | 'cancelled';

export interface ProcessVersions {
  processId: string;
  name?: string;
  versions: { version: number; deployedAt: string; activeInstances: number }[];
}
export interface ElementCount { elementId: string; active: number; incidents: number }
export interface Overview { processId: string; version: number; xml: string; counts: ElementCount[]; totals: { active: number; incidents: number } }
export interface InstanceSummary {
  key: string; processId: string; version: number; caseId?: string; state: InstanceState; activeElementIds: string[]; startedAt: string; endedAt?: string;
}
export interface Incident { id: string; elementId: string; type: string; message: string; createdAt: string; state: 'open' | 'resolved' }
export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  withheldVariables: { key: string; sections: string[] }[];
  timeline: { at: string; elementId: string; elementType: string; event: string }[];
  path: { completedElementIds: string[]; takenFlowIds: string[]; activeElementIds: string[] };
  incidents: Incident[];
  openTasks: { key: string; elementId: string; name: string; assignee?: string; candidateGroups: string[] }[];
  /** Jobs the instance waits on: a task listener's job with no worker keeps its task from opening. */
  waitingJobs?: { elementId: string; jobType?: string; listener?: string; executionListener?: 'start' | 'end' }[];
  actions: { cancel: boolean; resolve: boolean; migrate: boolean; message: boolean };
}
export interface MigrationResult {
  instanceKey: string; fromVersion?: number; toVersion: number; migrated: boolean; dryRun: boolean;
  problems: { elementId?: string; message: string }[]; applied: Record<string, string>;
}
export interface MigrationBody {
  instanceKeys?: string[]; processId?: string; fromVersion?: number; toVersion: number; mapping: Record<string, string>; dryRun: boolean;
}

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

/** The processes, and what the engine cannot show (Camunda 8: said on the page rather than left empty). */
const listing = () => apiFetch<{ items: ProcessVersions[]; notShown?: string[] }>('GET', '/api/instances/processes');

export const monitorApi = {
  listing,
  processes: () => listing().then((r) => r.items),
  overview: (processId: string, version: number) => apiFetch<Overview>('GET', `/api/instances/overview?${q({ processId, version })}`),
  list: (processId: string, version: number | undefined, state: InstanceState | '', offset = 0) =>
    apiFetch<{ items: InstanceSummary[]; total: number }>('GET', `/api/instances?${q({ processId, version, state, offset, limit: 50 })}`),
  instance: (key: string) => apiFetch<InstanceDetail>('GET', `/api/instances/${encodeURIComponent(key)}`),
  cancel: (key: string, reason: string) => apiFetch('POST', `/api/instances/${encodeURIComponent(key)}/cancel`, { reason }),
  resolve: (incidentId: string) => apiFetch('POST', `/api/incidents/${encodeURIComponent(incidentId)}/resolve`, {}),
  message: (body: { name: string; correlationKey: string; variables: Record<string, unknown> }) =>
    apiFetch<{ correlated: boolean; buffered: boolean }>('POST', '/api/messages', body),
  migrate: (body: MigrationBody) => apiFetch<{ migrated: number; refused: number; results: MigrationResult[] }>('POST', '/api/migrations', body),
};
