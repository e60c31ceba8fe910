// The OpenAPI operations of tasks, cases and the work on a case (contacts, allocation, consent, documents,
// search, dashboard), from the schemas their routers parse with.
import { z } from 'zod';
import { allocationBodySchema } from '../allocation.routes';
import { caseSearchQuerySchema } from '../case-search-request.schema';
import { contactsQuerySchema, recordContactBodySchema } from '../case-work.routes';
import {
  amendBodySchema, amendmentsQuerySchema, chronologyQuerySchema, createCaseBodySchema, duplicatesQuerySchema, getCaseQuerySchema,
  reReferralBodySchema, startProcessBodySchema,
} from '../cases-request.schema';
import { reasonBody, recordBody, withdrawBody } from '../consent.routes';
import { contentQuery, listQuery as documentsQuery, uploadQuery } from '../documents.routes';
import {
  completeBodySchema, getTaskQuerySchema, noQuerySchema, queueQuerySchema, reassignBodySchema, savedFilterBodySchema,
} from '../tasks-request.schema';
import { action, documentFile, signedIn, type ApiResource } from './api-operation';
import {
  AllocationAnswer, CaseConsent, ConsentRecordAnswer, ConsentWithdrawn, ContactLogAnswer, Reallocated, RecordedContactAnswer, RestrictionAnswer, StartableProcesses,
  StartedProcessAnswer,
} from './case-work-schemas';
import { ChronologyPageAnswer, DocumentAnswer, DocumentListAnswer } from './records-schemas';
import { DashboardPage } from './report-schemas';
import { AmendmentList, CaseSearchPage, DuplicateList, ReReferralAnswer, SavedFilterAnswer, SavedFilterList, TaskAnswer, TaskCompleted } from './task-case-actions-schemas';
import { CaseRecord, TaskPage, TaskQueuePage } from './response-schemas';

export const TASKS: ApiResource = {
  tag: 'Tasks', base: '/api/tasks', description: 'Queues of user tasks, the task page, claiming and completing.',
  operations: [
    { method: 'get', path: '', summary: 'List a queue of tasks', access: signedIn, query: queueQuerySchema, response: TaskQueuePage },
    { method: 'get', path: '/filters', summary: 'List my saved queue filters', access: signedIn, query: noQuerySchema, response: SavedFilterList },
    { method: 'put', path: '/filters/:name', summary: 'Save a queue filter under a name', access: signedIn, body: savedFilterBodySchema, response: SavedFilterAnswer },
    { method: 'delete', path: '/filters/:name', summary: 'Delete a saved queue filter', access: signedIn, response: 'none' },
    { method: 'get', path: '/:id', summary: 'Open a task: the task, its form and case', access: signedIn, query: getTaskQuerySchema, response: TaskPage },
    { method: 'post', path: '/:id/claim', summary: 'Claim a task', access: action('claim'), errors: [409], response: TaskAnswer },
    { method: 'post', path: '/:id/unclaim', summary: 'Release a claimed task', access: signedIn, errors: [409], response: TaskAnswer },
    { method: 'post', path: '/:id/reassign', summary: 'Give a task to someone else in the team', access: action('reassign'), body: reassignBodySchema, errors: [409], response: TaskAnswer },
    { method: 'post', path: '/:id/complete', summary: 'Complete a task with the form answers', access: action('complete'), body: completeBodySchema, errors: [409], response: TaskCompleted },
  ],
};

export const CASES: ApiResource = {
  tag: 'Cases', base: '/api/cases', description: 'Referrals, the case record, amendments and processes on a case.',
  operations: [
    { method: 'get', path: '', summary: 'Search cases', access: action('view-cases'), query: caseSearchQuerySchema, response: CaseSearchPage },
    { method: 'post', path: '', summary: 'Open a case from a referral', access: action('create-case'), body: createCaseBodySchema, status: 201, response: CaseRecord, errors: [409] },
    { method: 'get', path: '/duplicates', summary: 'Find likely duplicates of a child', access: action('create-case'), query: duplicatesQuerySchema, response: DuplicateList },
    { method: 'get', path: '/:id', summary: 'Read a case record (readable sections only)', access: action('view-cases'), query: getCaseQuerySchema, response: CaseRecord },
    { method: 'get', path: '/:id/amendments', summary: 'List the amendments of a case', access: action('view-cases'), query: amendmentsQuerySchema, response: AmendmentList },
    { method: 'get', path: '/:id/chronology', summary: "Read a page of the case's chronology", access: action('view-cases'), query: chronologyQuerySchema, response: ChronologyPageAnswer },
    { method: 'patch', path: '/:id/sections/:section', summary: 'Amend values of one section', access: action('view-cases'), body: amendBodySchema, response: CaseRecord, errors: [409] },
    { method: 'post', path: '/:id/sections/:section/collections/:collection', summary: "Add an item to a section's collection", access: action('view-cases'), body: amendBodySchema, status: 201, response: CaseRecord },
    { method: 'patch', path: '/:id/sections/:section/collections/:collection/:itemId', summary: 'Amend one item of a collection', access: action('view-cases'), body: amendBodySchema, response: CaseRecord },
    { method: 'post', path: '/:id/processes', summary: 'Start a process on a case (who may start it depends on the process)', access: signedIn, body: startProcessBodySchema, status: 201, errors: [409], response: StartedProcessAnswer },
    { method: 'post', path: '/:id/referrals', summary: 'Record a re-referral of a child whose case is open', access: action('create-case'), body: reReferralBodySchema, status: 201, errors: [409], response: ReReferralAnswer },
    { method: 'get', path: '/:caseId/contacts', summary: 'List contacts with the child', access: action('view-cases'), query: contactsQuerySchema, response: ContactLogAnswer },
    { method: 'post', path: '/:caseId/contacts', summary: 'Record a contact with the child', access: signedIn, body: recordContactBodySchema, status: 201, also: [{ status: 200, when: 'Recorded before under the same key: the first answer, nothing new stored' }], response: RecordedContactAnswer },
    { method: 'get', path: '/:caseId/startable-processes', summary: 'List the processes that may be started on a case', access: signedIn, query: z.strictObject({}), response: StartableProcesses },
    { method: 'get', path: '/:caseId/allocation', summary: "Read a case's allocation (team and case manager)", access: action('allocate'), query: z.strictObject({}), response: AllocationAnswer },
    { method: 'put', path: '/:caseId/allocation', summary: 'Allocate a case to a case manager', access: action('allocate'), body: allocationBodySchema, response: Reallocated },
    { method: 'get', path: '/:caseId/consents', summary: 'List consent records of a case', access: action('view-cases'), response: CaseConsent },
    { method: 'post', path: '/:caseId/consents', summary: 'Record consent', access: signedIn, body: recordBody, status: 201, also: [{ status: 200, when: 'The same consent is already recorded: that record, nothing new stored' }], response: ConsentRecordAnswer },
    { method: 'post', path: '/:caseId/consents/:consentId/withdrawal', summary: 'Record that consent was withdrawn', access: signedIn, body: withdrawBody, errors: [409], response: ConsentWithdrawn },
    { method: 'put', path: '/:caseId/restriction', summary: 'Restrict processing of a case', access: action('restrict-processing'), body: reasonBody, errors: [409], response: RestrictionAnswer },
    { method: 'post', path: '/:caseId/restriction/lift', summary: 'Lift the restriction of processing', access: action('restrict-processing'), body: reasonBody, errors: [409], response: RestrictionAnswer },
    { method: 'get', path: '/:caseId/documents', summary: 'List documents on a case', access: action('view-cases'), query: documentsQuery, response: DocumentListAnswer },
    { method: 'post', path: '/:caseId/documents', summary: 'Upload a document (the file is the body; details in the query)', access: action('view-cases'), query: uploadQuery, fileBody: 'application/octet-stream', status: 201, errors: [413, 415], response: DocumentAnswer },
    { method: 'get', path: '/:caseId/documents/:documentId/content', summary: "Download a document's file", access: action('view-cases'), query: contentQuery, response: documentFile },
  ],
};

export const DASHBOARD: ApiResource = {
  tag: 'Dashboard', base: '/api/dashboard', description: 'The home page figures.',
  operations: [{ method: 'get', path: '', summary: 'Read my dashboard', access: signedIn, query: noQuerySchema, response: DashboardPage }],
};
