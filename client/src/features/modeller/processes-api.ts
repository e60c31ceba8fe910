// Calls to /api/processes (server/src/http/processes.routes.ts): versions, XML, the engine's deploy
// checks, deploy (with the DMN files the process calls) and the diff of two versions. Types are the engine port's where the API returns them as they are.
import type { DecisionDeploymentView, DeployProblem, ProcessDeploymentView } from '../../../../server/src/ports/workflow-engine.port';
import { apiFetch, ApiError } from '../auth/api-fetch';

export type ProcessVersionDto = ProcessDeploymentView;

export interface ProcessSummaryDto {
  processId: string;
  name?: string;
  latest: ProcessVersionDto;
  versions: number;
  activeInstances: number;
}

export type DeployProblemDto = DeployProblem;

/** A DMN file as deployed with a process (docs/dmn.md). */
export type DeployedDecisionDto = DecisionDeploymentView & { isNew: boolean };

export interface DiffElementDto { id: string; type: string; name?: string }
export interface ChangedElementDto extends DiffElementDto { attrs: Record<string, { oldValue: unknown; newValue: unknown }> }
export interface ProcessDiffDto {
  processId: string;
  from: number;
  to: number;
  added: DiffElementDto[];
  removed: DiffElementDto[];
  changed: ChangedElementDto[];
  layoutChanged: DiffElementDto[];
}

const enc = encodeURIComponent;

export const xmlUrl = (processId: string, version: number) => `/api/processes/${enc(processId)}/versions/${version}/xml`;

async function fetchXml(processId: string, version: number): Promise<string> {
  const res = await fetch(xmlUrl(processId, version), { credentials: 'same-origin' });
  if (!res.ok) {
    const json = await res.json().catch(() => ({}));
    throw new ApiError(res.status, json?.error?.message ?? `Request failed (${res.status})`, json?.error?.code ?? 'HTTP_ERROR');
  }
  return res.text();
}

export const processesApi = {
  list: () => apiFetch<{ items: ProcessSummaryDto[] }>('GET', '/api/processes').then((r) => r.items),
  versions: (processId: string) => apiFetch<{ items: ProcessVersionDto[] }>('GET', `/api/processes/${enc(processId)}/versions`).then((r) => r.items),
  xml: fetchXml,
  // `decisions`: the DMN files deployed with the process (checked with it, deployed with it or not at all).
  lint: (xml: string, decisions: string[] = []) =>
    apiFetch<{ resourceName: string; ok: boolean; problems: DeployProblemDto[] }>('POST', '/api/processes/lint', { xml, ...(decisions.length ? { decisions } : {}) }),
  deploy: (xml: string, comment: string, decisions: string[] = []) =>
    apiFetch<{ items: (ProcessVersionDto & { isNew: boolean })[]; decisions: DeployedDecisionDto[] }>('POST', '/api/processes', { xml, comment, ...(decisions.length ? { decisions } : {}) }),
  diff: (processId: string, from: number, to: number) =>
    apiFetch<ProcessDiffDto>('GET', `/api/processes/${enc(processId)}/diff?from=${from}&to=${to}`),
};
