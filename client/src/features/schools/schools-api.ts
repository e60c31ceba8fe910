// Calls to /api/school-imports (server/src/http/school-imports.routes.ts). The view types are the server's own.
import { apiFetch } from '../auth';
import type { SchoolImportResult, SchoolRowResult } from '../../../../server/src/application/schools/import-school-csv';
import type { SchoolProposalView } from '../../../../server/src/application/schools/school-proposal-view';

export type { SchoolImportResult, SchoolProposalView, SchoolRowResult };
export type ProposalStatus = SchoolProposalView['status'];

export const schoolsApi = {
  upload: (school: string, fileName: string, csv: string) => apiFetch<SchoolImportResult>('POST', '/api/school-imports', { school, fileName, csv }),
  proposals: (status: ProposalStatus) => apiFetch<{ proposals: SchoolProposalView[]; more: boolean }>('GET', `/api/school-imports/proposals?status=${status}`),
  decide: (id: string, decision: 'accept' | 'reject', reason?: string) =>
    apiFetch<SchoolProposalView>('POST', `/api/school-imports/proposals/${encodeURIComponent(id)}/${decision}`, reason ? { reason } : {}),
};

/** The same bound the server keeps (domain/schools/school-csv.ts), checked before the file is sent. */
export const MAX_CSV_BYTES = 500 * 1024;
