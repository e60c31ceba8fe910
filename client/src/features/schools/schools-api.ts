// Calls to /api/school-imports (server/src/http/school-imports.routes.ts). The answers' types come from the
// API's schemas (server/src/http/openapi/records-schemas.ts).
import { apiFetch } from '../auth';
import type { SchoolImportBody, SchoolProposalBody, SchoolProposalListBody } from '../../../../server/src/http/openapi/api-types';

export type SchoolImportResult = SchoolImportBody;
export type SchoolRowResult = SchoolImportResult['results'][number];
export type SchoolProposalView = SchoolProposalBody;
export type ProposalStatus = SchoolProposalView['status'];

export const schoolsApi = {
  upload: (school: string, fileName: string, csv: string) => apiFetch<SchoolImportResult>('POST', '/api/school-imports', { school, fileName, csv }),
  proposals: (status: ProposalStatus) => apiFetch<SchoolProposalListBody>('GET', `/api/school-imports/proposals?status=${status}`),
  decide: (id: string, decision: 'accept' | 'reject', reason?: string) =>
    apiFetch<SchoolProposalView>('POST', `/api/school-imports/proposals/${encodeURIComponent(id)}/${decision}`, reason ? { reason } : {}),
};

/** The same bound the server keeps (domain/schools/school-csv.ts), checked before the file is sent. */
export const MAX_CSV_BYTES = 500 * 1024;
