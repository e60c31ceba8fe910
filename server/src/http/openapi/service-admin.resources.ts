// The OpenAPI operations of the session, users, audit, timescales, escalation, retention, subject access,
// reports and returns, and the routes outside /api (health; the engine's internal route). Bodies the use cases
// check by hand (users, timescales, retention, legal holds, SAR, password) are described by *-request.schema.ts.
import { z } from 'zod';
import { outboxQuery, pageQuery, policyBody, preferenceBody } from '../escalation.routes';
import { decidePermissionSchema, previewPermissionsSchema, savePermissionsSchema } from '../permissions.routes';
import { kpiExportSchema, kpiQuerySchema, timelinessExportSchema, timelinessQuerySchema } from '../reports.routes';
import { generateReturnSchema, returnsQuerySchema } from '../returns.routes';
import { gatherAgainSchema } from '../sar.routes';
import { redactionsBody, startSarBody } from '../sar-request.schema';
import { auditSearchQuery, changePasswordBody } from '../audit-password-request.schema';
import { legalHoldBody, liftHoldBody, retentionRuleBody, retentionTermsBody, timescaleEditBody } from '../retention-timescales-request.schema';
import { createUserBodySchema, updateUserBodySchema } from '../users-request.schema';
import { AccessGivenList, AdminUserAnswer, AdminUserPage, AdminUserSaved, RoleChoices } from './accounts-schemas';
import { action, documentFile, signedIn, type ApiResource } from './api-operation';
import { KpiRebuilt, Liveness, Readiness, ReportRebuilt } from './operations-schemas';
import { QuarterReturns } from './records-schemas';
import { KpiReport, TimelinessReport } from './report-schemas';
import {
  ChangeRequestDecided, ChangeRequestList, PermissionHistory, PermissionPreview, PermissionSaved, PermissionsInForce, PermissionVersionAnswer,
} from './permissions-teams-schemas';
import { Session } from './response-schemas';
import {
  AuditChainReport, AuditPage, LegalHoldAnswer, LegalHoldList, RetentionDryRun, RetentionHistory, RetentionScheduleAnswer, ReviewStarted, SarDecisions, SarGatheredAgain, SarList,
  SarReviewAnswer, SarStarted,
} from './sar-retention-schemas';
import {
  CaughtMailPage, EmailPreference, EscalationPolicyAnswer, EscalationPolicyHistory, OutboxEntryAnswer, OutboxPage, TimescaleHistory, TimescaleSetAnswer,
} from './timescales-escalation-schemas';

const empty = z.strictObject({});
const awaiting = { status: 202, when: "Saved without the roles or teams that await another administrator's approval (awaitingApproval says which)" };
const retention = action('manage-retention', 'manage-legal-holds');

export const AUTH: ApiResource = {
  tag: 'Session', base: '/api/auth', description: 'Signing in and out, and who is signed in.',
  operations: [
    { method: 'post', path: '/sign-in', summary: 'Sign in', access: { public: true }, body: z.strictObject({ username: z.string(), password: z.string() }), input: 'described', response: Session, errors: [401, 429] },
    { method: 'post', path: '/sign-out', summary: 'Sign out', access: signedIn, response: 'none' },
    { method: 'post', path: '/password', summary: 'Change my password (ends my other sessions)', access: signedIn, body: changePasswordBody, input: 'described', response: 'none', errors: [422] },
    { method: 'get', path: '/me', summary: 'Who is signed in, with their permissions', access: signedIn, response: Session },
  ],
};

export const USERS: ApiResource = {
  tag: 'Users', base: '/api/users', description: 'Staff accounts (administrators).',
  operations: [
    { method: 'get', path: '', summary: 'List users', access: action('administer-users'), response: AdminUserPage },
    { method: 'get', path: '/roles', summary: 'List the roles and what each may do', access: action('administer-users'), response: RoleChoices },
    { method: 'get', path: '/access-given', summary: "Access to children's data administrators gave accounts in the last 30 days (new accounts, roles or teams added, passwords set), newest first", access: action('administer-users'), response: AccessGivenList },
    { method: 'get', path: '/:id', summary: 'Read a user', access: action('administer-users'), response: AdminUserAnswer },
    { method: 'post', path: '', summary: 'Create a user; 202 when the account would administer users: it is made without those roles, which await another administrator’s approval', access: action('administer-users'), body: createUserBodySchema, input: 'described', status: 201, also: [awaiting], response: AdminUserSaved, errors: [409, 422] },
    { method: 'patch', path: '/:id', summary: "Change a user (roles, teams, password, lock, deactivate); 202 when an administrator gives themselves more access to children's data, or makes someone else an administrator: those roles and teams then await another administrator's approval", access: action('administer-users'), body: updateUserBodySchema, input: 'described', also: [awaiting], response: AdminUserSaved, errors: [409, 422] },
  ],
};

export const PERMISSIONS: ApiResource = {
  tag: 'Permissions', base: '/api/admin/permissions', description: 'Roles and what each may do, as versioned data (administrators).',
  operations: [
    { method: 'get', path: '', summary: 'Read the permissions in force', access: action('administer-users'), query: empty, response: PermissionsInForce },
    { method: 'get', path: '/history', summary: 'List every version of the permissions', access: action('administer-users'), query: empty, response: PermissionHistory },
    { method: 'get', path: '/versions/:version', summary: 'Read one version of the permissions', access: action('administer-users'), query: empty, response: PermissionVersionAnswer },
    { method: 'post', path: '/preview', summary: 'See what a change of permissions would change', access: action('administer-users'), body: previewPermissionsSchema, response: PermissionPreview },
    { method: 'post', path: '', summary: "Save a new version of the permissions (202 instead when it widens your own access to children's data: it then awaits another administrator's approval)", access: action('administer-users'), body: savePermissionsSchema, status: 201, also: [{ status: 202, when: "It widens your own access to children's data: the change awaiting another administrator's approval" }], errors: [409], response: PermissionSaved },
    { method: 'get', path: '/requests', summary: "List administrators' changes to their own accounts awaiting another administrator's approval", access: action('administer-users'), query: empty, response: ChangeRequestList },
    { method: 'post', path: '/requests/:id/decision', summary: 'Approve or reject a permission or account change another administrator asked for', access: action('administer-users'), body: decidePermissionSchema, errors: [404, 409], response: ChangeRequestDecided },
  ],
};

export const AUDIT: ApiResource = {
  tag: 'Audit', base: '/api/audit', description: 'The audit log: search and hash-chain check.',
  operations: [
    { method: 'get', path: '/events', summary: 'Search the audit log', access: action('view-audit'), query: auditSearchQuery, input: 'described', errors: [400], response: AuditPage },
    { method: 'post', path: '/verify', summary: "Verify the audit log's hash chain", access: action('verify-audit'), response: AuditChainReport },
  ],
};

export const TIMESCALES: ApiResource = {
  tag: 'Timescales', base: '/api/timescales', description: 'National standard timescales used for due dates.',
  operations: [
    { method: 'get', path: '', summary: 'Read the current timescales', access: signedIn, response: TimescaleSetAnswer },
    { method: 'get', path: '/history', summary: 'List every version of the timescales', access: signedIn, response: TimescaleHistory },
    { method: 'get', path: '/versions/:version', summary: 'Read one version of the timescales', access: signedIn, response: TimescaleSetAnswer },
    { method: 'put', path: '/:id', summary: 'Change a timescale (a new version)', access: action('edit-timescales'), body: timescaleEditBody, input: 'described', errors: [422], response: TimescaleSetAnswer },
  ],
};

export const ESCALATION: ApiResource = {
  tag: 'Escalation', base: '/api/escalation', description: 'Reminder and escalation rules, email preferences and the outbox.',
  operations: [
    { method: 'get', path: '/policy', summary: 'Read the reminder and escalation rules', access: signedIn, response: EscalationPolicyAnswer },
    { method: 'get', path: '/policy/history', summary: 'List every version of the rules', access: signedIn, response: EscalationPolicyHistory },
    { method: 'put', path: '/policy', summary: 'Change the rules', access: action('edit-timescales', 'administer-users'), body: policyBody, response: EscalationPolicyAnswer },
    { method: 'get', path: '/outbox', summary: 'List planned and sent emails', access: action('administer-users'), query: outboxQuery, response: OutboxPage },
    { method: 'post', path: '/outbox/:id/retry', summary: 'Send a failed email again', access: action('administer-users'), errors: [409], response: OutboxEntryAnswer },
    { method: 'get', path: '/caught-mail', summary: 'Read what the built-in mail catcher received', access: action('administer-users'), query: pageQuery, response: CaughtMailPage },
    { method: 'get', path: '/preferences/me', summary: 'Read my email preference', access: signedIn, response: EmailPreference },
    { method: 'put', path: '/preferences/me', summary: 'Choose immediate emails or a daily digest', access: signedIn, body: preferenceBody, response: EmailPreference },
  ],
};

export const RETENTION: ApiResource = {
  tag: 'Retention', base: '/api/retention', description: 'The retention schedule, reviews and legal holds.',
  operations: [
    { method: 'get', path: '/schedule', summary: 'Read the retention schedule', access: retention, response: RetentionScheduleAnswer },
    { method: 'get', path: '/schedule/history', summary: 'List every version of the schedule', access: retention, response: RetentionHistory },
    { method: 'get', path: '/schedule/versions/:version', summary: 'Read one version of the schedule', access: retention, response: RetentionScheduleAnswer },
    { method: 'put', path: '/schedule/rules/:id', summary: 'Change a retention rule', access: action('manage-retention'), body: retentionTermsBody, input: 'described', errors: [422], response: RetentionScheduleAnswer },
    { method: 'post', path: '/schedule/rules', summary: 'Add a retention rule', access: action('manage-retention'), body: retentionRuleBody, input: 'described', status: 201, errors: [422], response: RetentionScheduleAnswer },
    { method: 'get', path: '/dry-run', summary: 'See what falls due now and what is held', access: action('manage-retention'), response: RetentionDryRun },
    { method: 'post', path: '/reviews', summary: 'Start a retention review', access: action('manage-retention'), status: 201, errors: [409], response: ReviewStarted },
    { method: 'get', path: '/holds', summary: 'List legal holds', access: retention, response: LegalHoldList },
    { method: 'post', path: '/holds', summary: 'Place a legal hold', access: action('manage-legal-holds'), body: legalHoldBody, input: 'described', status: 201, errors: [422], response: LegalHoldAnswer },
    { method: 'post', path: '/holds/:id/lift', summary: 'Lift a legal hold', access: action('manage-legal-holds'), body: liftHoldBody, input: 'described', errors: [409, 422], response: LegalHoldAnswer },
  ],
};

export const SAR: ApiResource = {
  tag: 'Subject access', base: '/api/sar', description: 'Subject access requests (the DPO).',
  operations: [
    { method: 'get', path: '', summary: 'List subject access requests', access: action('export-sar'), response: SarList },
    { method: 'post', path: '', summary: 'Record a subject access request', access: action('export-sar'), body: startSarBody, input: 'described', status: 201, errors: [422], response: SarStarted },
    { method: 'get', path: '/:key', summary: 'Read a request and what was gathered', access: action('export-sar'), response: SarReviewAnswer },
    { method: 'put', path: '/:key/redactions', summary: 'Record redaction decisions', access: action('export-sar'), body: redactionsBody, input: 'described', errors: [409, 422], response: SarDecisions },
    { method: 'post', path: '/:key/gather-again', summary: 'Gather the records again before approval', access: action('export-sar'), body: gatherAgainSchema, errors: [409], response: SarGatheredAgain },
    { method: 'get', path: '/:key/documents/:caseId/:documentId', summary: 'Download a document gathered for the request', access: action('export-sar'), response: documentFile },
    { method: 'get', path: '/:key/export', summary: 'Download the approved response as a ZIP', access: action('export-sar'), response: { file: ['application/zip'] }, errors: [409] },
  ],
};

export const REPORTS: ApiResource = {
  tag: 'Reports', base: '/api/reports', description: 'Timeliness and key performance indicators, and their CSV exports.',
  operations: [
    { method: 'get', path: '/timeliness', summary: 'Read the timeliness report', access: action('view-reports'), query: timelinessQuerySchema, response: TimelinessReport },
    { method: 'get', path: '/timeliness/export', summary: 'Download a timeliness table as CSV', access: action('view-reports'), query: timelinessExportSchema, response: 'csv' },
    { method: 'get', path: '/kpis', summary: 'Read the key performance indicators', access: action('view-reports'), query: kpiQuerySchema, response: KpiReport },
    { method: 'get', path: '/kpis/export', summary: 'Download an indicator table as CSV', access: action('view-reports'), query: kpiExportSchema, response: 'csv' },
    { method: 'post', path: '/kpis/rebuild', summary: 'Rebuild the indicators from the records', access: action('submit-returns', 'administer-users'), body: empty, response: KpiRebuilt },
    { method: 'post', path: '/rebuild', summary: 'Rebuild the timeliness report from the records', access: action('submit-returns', 'administer-users'), body: empty, response: ReportRebuilt },
  ],
};

export const RETURNS: ApiResource = {
  tag: 'Returns', base: '/api/returns', description: 'The quarterly case-level return (data officers).',
  operations: [
    { method: 'get', path: '', summary: "List a quarter's returns", access: action('submit-returns'), query: returnsQuerySchema, response: QuarterReturns },
    { method: 'post', path: '', summary: "Generate a quarter's return file", access: action('submit-returns'), body: generateReturnSchema, status: 201, response: QuarterReturns },
    { method: 'get', path: '/:id/file', summary: 'Download a return file (XML)', access: action('submit-returns'), query: empty, response: 'xml' },
    { method: 'post', path: '/:id/submit', summary: 'Mark a return as submitted', access: action('submit-returns'), body: empty, errors: [409], response: QuarterReturns },
  ],
};

export const OUTSIDE_API: ApiResource = {
  tag: 'Health and internal', base: '', description: 'Liveness and readiness; the route servers of one deployment use among themselves.',
  operations: [
    { method: 'get', path: '/healthz', summary: 'Is the process up?', access: { public: true }, response: Liveness },
    { method: 'get', path: '/readyz', summary: 'Can the service serve now? (503 with the reason when not)', access: { public: true }, response: Readiness,
      also: [{ status: 503, when: 'Not ready: the reason, and which part (database, engine) is not' }] },
    { method: 'post', path: '/internal/engine', summary: 'Run an engine command on the server holding the engine lease', access: { internal: true }, errors: [400, 401] },
  ],
};
