// Calls to /api/processes (server/src/http/processes.routes.ts): versions, XML, the engine's deploy
// checks, deploy (with the DMN files the process calls) and the diff of two versions.
import type {
  ProcessDeployedBody, ProcessDiffBody, ProcessLintBody, ProcessListBody, ProcessVersionsBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch, ApiError } from '../auth/api-fetch';

/** The modeller's answers as the API's schemas describe them (server/src/http/openapi/processes-schemas.ts). */
export type ProcessVersionDto = ProcessVersionsBody['items'][number];
export type ProcessSummaryDto = ProcessListBody['items'][number];
export type DeployProblemDto = ProcessLintBody['problems'][number];
/** A DMN file as deployed with a process (docs/dmn.md). */
export type DeployedDecisionDto = ProcessDeployedBody['decisions'][number];
export type ProcessDiffDto = ProcessDiffBody;
export type DiffElementDto = ProcessDiffDto['added'][number];
export type ChangedElementDto = ProcessDiffDto['changed'][number];

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
  list: () => apiFetch<ProcessListBody>('GET', '/api/processes').then((r) => r.items),
  versions: (processId: string) => apiFetch<ProcessVersionsBody>('GET', `/api/processes/${enc(processId)}/versions`).then((r) => r.items),
  xml: fetchXml,
  // `decisions`: the DMN files deployed with the process (checked with it, deployed with it or not at all).
  lint: (xml: string, decisions: string[] = []) =>
    apiFetch<ProcessLintBody>('POST', '/api/processes/lint', { xml, ...(decisions.length ? { decisions } : {}) }),
  deploy: (xml: string, comment: string, decisions: string[] = []) =>
    apiFetch<ProcessDeployedBody>('POST', '/api/processes', { xml, comment, ...(decisions.length ? { decisions } : {}) }),
  diff: (processId: string, from: number, to: number) =>
    apiFetch<ProcessDiffDto>('GET', `/api/processes/${enc(processId)}/diff?from=${from}&to=${to}`),
};
