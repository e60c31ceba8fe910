// The types of the API's answers and request bodies, inferred from the zod schemas the OpenAPI document is
// built from and the routes parse with. The web client imports these (type-only, so no zod reaches the
// bundle) instead of copying the shapes by hand: a schema change that a client page does not follow fails
// `tsc` (npm run typecheck), and a presenter change the schema does not follow fails in response-schemas.ts.
import type { z } from 'zod';
import type { allocationBodySchema } from '../allocation.routes';
import type { recordContactBodySchema } from '../case-work.routes';
import type { amendBodySchema, createCaseBodySchema, reReferralBodySchema, startProcessBodySchema } from '../cases-request.schema';
import type { completeBodySchema, reassignBodySchema, savedFilterBodySchema } from '../tasks-request.schema';
import type { policyBody } from '../escalation.routes';
import type { heldDecisionSchema } from '../integration-request.schema';
import type { createUserBodySchema, updateUserBodySchema } from '../users-request.schema';
import type { legalHoldBody, retentionRuleBody, retentionTermsBody, timescaleEditBody } from '../retention-timescales-request.schema';
import type { auditSearchQuery, changePasswordBody } from '../audit-password-request.schema';
import type { redactionsBody, startSarBody } from '../sar-request.schema';
import type { messageBody, migrationBody } from '../instances.routes';
import type { agreementChangeSchema, agreementTermsSchema } from '../sharing.routes';
import type { subscriptionChangeSchema, subscriptionSchema } from '../webhooks.routes';
import type { previewPermissionsSchema, savePermissionsSchema } from '../permissions.routes';
import type { createTeamSchema, membershipSchema, moveSchema, updateTeamSchema } from '../teams.routes';
import type { HeldDecisionAnswer, HeldReferralList } from './integration.resources';
import type { ChronologyPageAnswer, DocumentAnswer, DocumentListAnswer, QuarterReturns, SchoolImportAnswer, SchoolProposalAnswer, SchoolProposalList } from './records-schemas';
import type { AccessGivenList, AdminUserAnswer, AdminUserPage, AdminUserSaved, IssuedToken, RoleChoices, ServiceAccountAnswer, ServiceAccountList } from './accounts-schemas';
import type { DashboardPage, KpiReport, TimelinessReport } from './report-schemas';
import type { CaseRecord, Form, FormList, FormVersionList, ProcessList, Session, TaskPage, TaskQueuePage } from './response-schemas';
import type {
  ChangeRequestDecided, ChangeRequestList, Memberships, PermissionHistory, PermissionPreview, PermissionSaved, PermissionsInForce, PermissionVersionAnswer,
  TeamAnswer, TeamMoveAnswer, TeamsPage,
} from './permissions-teams-schemas';
import type {
  CaughtMailPage, EmailPreference, EscalationPolicyAnswer, EscalationPolicyHistory, OutboxEntryAnswer, OutboxPage, TimescaleHistory, TimescaleSetAnswer,
} from './timescales-escalation-schemas';
import type {
  AllocationAnswer, CaseConsent, ConsentRecordAnswer, ConsentWithdrawn, ContactLogAnswer, Reallocated, RecordedContactAnswer, RestrictionAnswer, StartableProcesses,
  StartedProcessAnswer,
} from './case-work-schemas';
import type {
  AgreementAnswer, AgreementList, AgreementWithHistory, DeliveryAnswer, DeliveryPage, SubscriptionList, SubscriptionMade, SubscriptionSaved,
} from './sharing-schemas';
import type {
  AuditChainReport, AuditPage, LegalHoldAnswer, LegalHoldList, RetentionDryRun, RetentionHistory, RetentionScheduleAnswer, ReviewStarted, SarDecisions, SarGatheredAgain, SarList,
  SarReviewAnswer, SarStarted,
} from './sar-retention-schemas';
import type {
  IncidentResolved, InstanceCancelled, InstanceDetailAnswer, InstanceList, MessagePublished, MigrationOutcome, MonitorProcesses, VersionOverviewAnswer,
} from './monitor-schemas';
import type { DecisionList, DecisionsDeployed, ProcessDeployed, ProcessDiffAnswer, ProcessLint, ProcessVersions } from './processes-schemas';
import type { AmendmentList, CaseSearchPage, DuplicateList, ReReferralAnswer, SavedFilterAnswer, SavedFilterList, TaskAnswer, TaskCompleted } from './task-case-actions-schemas';
import type { Draft, DraftList, FormCheck, FormDeployed, Submission, SubmissionList, SubmissionRead } from './forms-schemas';

/** The named keys of O (a loose object's "any other key" signature left out). */
type Named<O> = keyof { [K in keyof O as string extends K ? never : K]: 0 };
/** A schema's answer with only the fields it names: a loose object's index signature is dropped (so reading
 * a field the schema does not name fails to compile), a record (no named keys) is kept as it is. */
type Fields<O> = O extends readonly (infer E)[] ? Fields<E>[]
  : O extends object ? ([Named<O>] extends [never] ? { [K in keyof O]: Fields<O[K]> } : { [K in keyof O as string extends K ? never : K]: Fields<O[K]> }) : O;
type Answer<R extends { schema: z.ZodType }> = Fields<z.output<R['schema']>>;

export type SessionBody = Answer<typeof Session>;
export type TaskQueuePageBody = Answer<typeof TaskQueuePage>;
export type QueueRowBody = TaskQueuePageBody['items'][number];
export type TaskPageBody = Answer<typeof TaskPage>;
export type CaseRecordBody = Answer<typeof CaseRecord>;
export type DashboardBody = Answer<typeof DashboardPage>;
export type TimelinessReportBody = Answer<typeof TimelinessReport>;
export type KpiReportBody = Answer<typeof KpiReport>;
export type FormListBody = Answer<typeof FormList>;
export type ProcessListBody = Answer<typeof ProcessList>;
export type FormBody = Answer<typeof Form>;
export type FormVersionListBody = Answer<typeof FormVersionList>;
export type FormCheckBody = Answer<typeof FormCheck>;
export type FormDeployedBody = Answer<typeof FormDeployed>;
export type SubmissionBody = Answer<typeof Submission>;
export type SubmissionReadBody = Answer<typeof SubmissionRead>;
export type SubmissionListBody = Answer<typeof SubmissionList>;
export type DraftBody = Answer<typeof Draft>;
export type DraftListBody = Answer<typeof DraftList>;
export type AllocationBody = Answer<typeof AllocationAnswer>;
export type ReallocatedBody = Answer<typeof Reallocated>;
export type CaseConsentBody = Answer<typeof CaseConsent>;
export type ConsentRecordBody = Answer<typeof ConsentRecordAnswer>;
export type ConsentWithdrawnBody = Answer<typeof ConsentWithdrawn>;
export type RestrictionBody = Answer<typeof RestrictionAnswer>;
export type ContactLogBody = Answer<typeof ContactLogAnswer>;
export type RecordedContactBody = Answer<typeof RecordedContactAnswer>;
export type StartableProcessesBody = Answer<typeof StartableProcesses>;
export type StartedProcessBody = Answer<typeof StartedProcessAnswer>;
export type SharingAgreementBody = Answer<typeof AgreementAnswer>;
export type SharingAgreementListBody = Answer<typeof AgreementList>;
export type SharingAgreementWithHistoryBody = Answer<typeof AgreementWithHistory>;
export type WebhookSubscriptionListBody = Answer<typeof SubscriptionList>;
export type WebhookSubscriptionMadeBody = Answer<typeof SubscriptionMade>;
export type WebhookSubscriptionSavedBody = Answer<typeof SubscriptionSaved>;
export type WebhookDeliveryBody = Answer<typeof DeliveryAnswer>;
export type WebhookDeliveryPageBody = Answer<typeof DeliveryPage>;
export type AuditPageBody = Answer<typeof AuditPage>;
export type AuditChainReportBody = Answer<typeof AuditChainReport>;
export type SarListBody = Answer<typeof SarList>;
export type SarStartedBody = Answer<typeof SarStarted>;
export type SarReviewBody = Answer<typeof SarReviewAnswer>;
export type SarDecisionsBody = Answer<typeof SarDecisions>;
export type SarGatheredAgainBody = Answer<typeof SarGatheredAgain>;
export type RetentionScheduleBody = Answer<typeof RetentionScheduleAnswer>;
export type RetentionHistoryBody = Answer<typeof RetentionHistory>;
export type RetentionDryRunBody = Answer<typeof RetentionDryRun>;
export type RetentionReviewStartedBody = Answer<typeof ReviewStarted>;
export type LegalHoldBody = Answer<typeof LegalHoldAnswer>;
export type LegalHoldListBody = Answer<typeof LegalHoldList>;
export type ProcessVersionsBody = Answer<typeof ProcessVersions>;
export type ProcessLintBody = Answer<typeof ProcessLint>;
export type ProcessDeployedBody = Answer<typeof ProcessDeployed>;
export type ProcessDiffBody = Answer<typeof ProcessDiffAnswer>;
export type DecisionListBody = Answer<typeof DecisionList>;
export type DecisionsDeployedBody = Answer<typeof DecisionsDeployed>;
export type TaskBody = Answer<typeof TaskAnswer>;
export type TaskCompletedBody = Answer<typeof TaskCompleted>;
export type SavedFilterBody = Answer<typeof SavedFilterAnswer>;
export type SavedFilterListBody = Answer<typeof SavedFilterList>;
export type CaseSearchPageBody = Answer<typeof CaseSearchPage>;
export type AmendmentListBody = Answer<typeof AmendmentList>;
export type DuplicateListBody = Answer<typeof DuplicateList>;
export type ReReferralBody = Answer<typeof ReReferralAnswer>;
export type MonitorProcessesBody = Answer<typeof MonitorProcesses>;
export type VersionOverviewBody = Answer<typeof VersionOverviewAnswer>;
export type InstanceListBody = Answer<typeof InstanceList>;
export type InstanceDetailBody = Answer<typeof InstanceDetailAnswer>;
export type InstanceCancelledBody = Answer<typeof InstanceCancelled>;
export type IncidentResolvedBody = Answer<typeof IncidentResolved>;
export type MessagePublishedBody = Answer<typeof MessagePublished>;
export type MigrationOutcomeBody = Answer<typeof MigrationOutcome>;
export type TimescaleSetBody = Answer<typeof TimescaleSetAnswer>;
export type TimescaleHistoryBody = Answer<typeof TimescaleHistory>;
export type EscalationPolicyBody = Answer<typeof EscalationPolicyAnswer>;
export type EscalationPolicyHistoryBody = Answer<typeof EscalationPolicyHistory>;
export type OutboxPageBody = Answer<typeof OutboxPage>;
export type OutboxEntryBody = Answer<typeof OutboxEntryAnswer>;
export type CaughtMailPageBody = Answer<typeof CaughtMailPage>;
export type EmailPreferenceBody = Answer<typeof EmailPreference>;
export type PermissionsInForceBody = Answer<typeof PermissionsInForce>;
export type PermissionVersionBody = Answer<typeof PermissionVersionAnswer>;
export type PermissionSavedBody = Answer<typeof PermissionSaved>;
export type PermissionHistoryBody = Answer<typeof PermissionHistory>;
export type PermissionPreviewBody = Answer<typeof PermissionPreview>;
export type ChangeRequestListBody = Answer<typeof ChangeRequestList>;
export type ChangeRequestDecidedBody = Answer<typeof ChangeRequestDecided>;
export type TeamsPageBody = Answer<typeof TeamsPage>;
export type TeamBody = Answer<typeof TeamAnswer>;
export type TeamMoveBody = Answer<typeof TeamMoveAnswer>;
export type MembershipsBody = Answer<typeof Memberships>;
export type HeldReferralListBody = Answer<typeof HeldReferralList>;
export type HeldDecisionAnswerBody = Answer<typeof HeldDecisionAnswer>;
export type AdminUserBody = Answer<typeof AdminUserAnswer>;
export type AdminUserPageBody = Answer<typeof AdminUserPage>;
export type AdminUserSavedBody = Answer<typeof AdminUserSaved>;
export type RoleChoicesBody = Answer<typeof RoleChoices>;
export type AccessGivenListBody = Answer<typeof AccessGivenList>;
export type ServiceAccountBody = Answer<typeof ServiceAccountAnswer>;
export type ServiceAccountListBody = Answer<typeof ServiceAccountList>;
export type IssuedTokenBody = Answer<typeof IssuedToken>;
export type CaseDocumentBody = Answer<typeof DocumentAnswer>;
export type CaseDocumentListBody = Answer<typeof DocumentListAnswer>;
export type ChronologyPageBody = Answer<typeof ChronologyPageAnswer>;
export type QuarterReturnsBody = Answer<typeof QuarterReturns>;
export type SchoolImportBody = Answer<typeof SchoolImportAnswer>;
export type SchoolProposalBody = Answer<typeof SchoolProposalAnswer>;
export type SchoolProposalListBody = Answer<typeof SchoolProposalList>;

export type CreateCaseRequest = z.input<typeof createCaseBodySchema>;
export type AmendRequest = z.input<typeof amendBodySchema>;
export type ReReferralRequest = z.input<typeof reReferralBodySchema>;
export type AllocationRequest = z.input<typeof allocationBodySchema>;
export type StartProcessRequest = z.input<typeof startProcessBodySchema>;
export type RecordContactRequest = z.input<typeof recordContactBodySchema>;
export type CompleteTaskRequest = z.input<typeof completeBodySchema>;
export type ReassignRequest = z.input<typeof reassignBodySchema>;
export type SavedFilterRequest = z.input<typeof savedFilterBodySchema>;
export type HeldDecisionRequest = z.input<typeof heldDecisionSchema>;
export type AgreementTermsRequest = z.input<typeof agreementTermsSchema>;
export type AgreementChangeRequest = z.input<typeof agreementChangeSchema>;
export type SubscriptionRequest = z.input<typeof subscriptionSchema>;
export type SubscriptionChangeRequest = z.input<typeof subscriptionChangeSchema>;
export type MessageRequest = z.input<typeof messageBody>;
export type MigrationRequest = z.input<typeof migrationBody>;
export type EscalationPolicyRequest = z.input<typeof policyBody>;
export type PermissionsPreviewRequest = z.input<typeof previewPermissionsSchema>;
export type PermissionsSaveRequest = z.input<typeof savePermissionsSchema>;
export type CreateTeamRequest = z.input<typeof createTeamSchema>;
export type UpdateTeamRequest = z.input<typeof updateTeamSchema>;
export type MembershipRequest = z.input<typeof membershipSchema>;
export type MoveTeamsRequest = z.input<typeof moveSchema>;
export type CreateUserRequest = z.input<typeof createUserBodySchema>;
export type UpdateUserRequest = z.input<typeof updateUserBodySchema>;
export type TimescaleEditRequest = z.input<typeof timescaleEditBody>;
export type LegalHoldRequest = z.input<typeof legalHoldBody>;
export type RetentionTermsRequest = z.input<typeof retentionTermsBody>;
export type RetentionRuleRequest = z.input<typeof retentionRuleBody>;
export type ChangePasswordRequest = z.input<typeof changePasswordBody>;
export type AuditSearchQuery = z.input<typeof auditSearchQuery>;
export type StartSarRequest = z.input<typeof startSarBody>;
export type RedactionsRequest = z.input<typeof redactionsBody>;
