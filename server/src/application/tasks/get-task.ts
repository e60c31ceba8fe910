// The task page: the task, the case it is about (summary only: sections are the case page's business),
// its due date, and the form to fill in. A completed task also returns what was submitted.
import type { CaseSummary } from '../../domain/cases/case-record';
import { summariseCase } from '../../domain/cases/case-record';
import type { FormSubmission, FormVersion } from '../../domain/forms/form-version';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository, SubmissionRepository } from '../../ports/form-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { formVariablePaths, pickVariablePaths, prefillPaths } from '../../forms-core';
import { allocationFields } from '../../domain/cases/allocation';
import { suppliedVariables, type TeamUsers } from '../cases/team-case-managers';
import type { ShareStep } from '../sharing/share-step';
import { previewFormDocuments, type DocumentPreviews } from '../documents/preview-form-documents';
import type { FormDocumentsDeps } from '../documents/check-form-documents';
import { auditActor, readable, writable, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { offeredForm } from '../../domain/forms/form-access';
import { sectionOfKeys, sectionsOfForm } from '../../domain/cases/form-sections';
import type { CaseSection } from '../../domain/cases/case-section';
import { getForm } from '../get-form';
import { loadTaskFor } from './task-access';
import type { TaskLabels } from './task-labels';

export interface GetTaskDeps {
  tasks: TaskRepository;
  cases: CaseRepository;
  forms: FormRepository;
  submissions: SubmissionRepository;
  policy: AccessPolicy;
  users: Pick<UserRepository, 'findById'>;
  clock: Clock;
  /** Records a break-glass read of another team's task (with its reason, flagged for managers). */
  audit?: CaseAuditSink;
  /** For the process variables the form's own logic reads (formVariables), and the process's name. */
  engine?: Pick<WorkflowEngine, 'getInstance'> & Partial<Pick<WorkflowEngine, 'listDeployments'>>;
  /** For the variables the server supplies to forms (the team's case managers for an allocation). */
  people?: TeamUsers;
  /** The agreements a share step offers (application/sharing/share-step.ts). */
  shareStep?: Pick<ShareStep, 'variables'>;
  /** Resolves documentPreview components for the reader (application/documents/preview-form-documents.ts). */
  formDocuments?: FormDocumentsDeps;
}

export interface TaskView {
  /** `processName`: the process as its model names it ("Referral & intake"), for the page's header. */
  task: QueueTask & TaskLabels & { overdue: boolean; processName?: string };
  /** Undefined when the task has no case (or a caseId that is no case of this service). */
  case?: CaseSummary;
  /** As offered to the actor: fields of sections they may not write are disabled. */
  form?: Pick<FormVersion, 'formId' | 'version' | 'schema'>;
  /** Values of sections the actor may not read are left out. */
  submission?: FormSubmission;
  /** Sections the form writes that the actor may not: leave those fields empty or completion is refused. */
  unwritableSections: CaseSection[];
  /**
   * Exactly the variable paths the form's conditions and options read (form-variable-paths.ts), so the page
   * shows and hides fields as the server will validate them, and — as form-js does — the values of process
   * variables with the same key as a field the actor may read (prefill). Only for a task that can still
   * be completed; a completed one gets only the server's supplied options, so its answers read in words.
   */
  formVariables?: Record<string, unknown>;
  /** The documents each documentPreview shows, by its dataSource: only the case's, only those the actor may read. */
  documentPreviews?: DocumentPreviews;
  /** What the actor may do now, so the page shows only buttons that will work. */
  actions: { claim: boolean; unclaim: boolean; complete: boolean; reassign: boolean };
}

export const submissionIdForTask = (taskId: string) => `task-${taskId}`;

/** `reason` opens another team's task page (break-glass, as for the case record): read only, audited. */
export async function getTask(deps: GetTaskDeps, actor: Actor, taskId: string, reason?: string): Promise<TaskView> {
  const manager = deps.policy.can(actor, 'reassign');
  const { task, reach } = await loadTaskFor(deps, actor, taskId, manager, reason);
  const breakGlass = reach === 'break-glass';
  if (breakGlass) {
    await deps.audit?.record({
      actor: auditActor(actor), action: 'task.read', recordType: 'task', recordId: task.id, reason: reason!.trim(), flagged: true,
      ...(task.caseId ? { after: { caseId: task.caseId } } : {}),
    });
  }
  const now = deps.clock.now().toISOString();
  const record = task.caseId ? await deps.cases.findById(task.caseId) : undefined;
  const form = task.formId ? await getForm(deps, task.formId) : undefined;
  const submission = task.state === 'completed' ? await deps.submissions.get(submissionIdForTask(task.id)) : undefined;
  const open = task.state === 'open' && !breakGlass; // break-glass reads; it never acts
  const mine = task.assignee === actor.id;
  const mayWrite = writable(deps.policy, actor);
  const assigneeName = task.assignee ? (await deps.users.findById(task.assignee))?.displayName : undefined;
  const mayRead = readable(deps.policy, actor);
  const supplied = {
    ...(form && deps.people ? await suppliedVariables(deps.people, form.schema, record?.team ?? task.team, submission ? allocatedIds(form.schema, submission.data) : []) : {}),
    ...(form && deps.shareStep ? await deps.shareStep.variables(form.schema, submission ? Object.values(submission.data).flat().filter((v): v is string => typeof v === 'string') : []) : {}),
  };
  // The instance is read at most once, and only if the form's variables or its documentPreviews need it.
  let instance: Promise<Record<string, unknown> | undefined> | undefined;
  const variables = () => (instance ??= instanceVariables(deps, task.instanceKey));
  const formVariables = open && form ? { ...(await variablesFormReads(form.schema, mayRead, variables)), ...supplied } : supplied;
  const processName = await processNameOf(deps, task);
  const documentPreviews = form && deps.formDocuments
    ? await previewFormDocuments({ ...deps.formDocuments, audit: deps.audit }, actor, form.schema, record?.id, variables)
    : undefined;
  return {
    task: {
      ...task, overdue: task.state === 'open' && !!task.dueDate && task.dueDate < now,
      ...(record?.identity.displayName ? { caseName: record.identity.displayName } : {}),
      ...(assigneeName ? { assigneeName } : {}),
      ...(processName ? { processName } : {}),
    },
    ...(record ? { case: summariseCase(record) } : {}), // the case rule let the actor reach this task, hence its case
    ...(form ? { form: { formId: form.formId, version: form.version, schema: offeredForm(form.schema, mayWrite) } } : {}),
    ...(submission ? { submission: readableSubmission(submission, form?.schema, mayRead) } : {}),
    unwritableSections: form ? sectionsOfForm(form.schema).filter((s) => !mayWrite.includes(s)) : [],
    ...(formVariables && Object.keys(formVariables).length ? { formVariables } : {}),
    ...(documentPreviews ? { documentPreviews } : {}),
    actions: {
      claim: open && !task.assignee && deps.policy.can(actor, 'claim'),
      unclaim: open && mine,
      complete: open && (mine || !task.assignee) && deps.policy.can(actor, 'complete'),
      reassign: open && manager,
    },
  };
}

function readableSubmission(s: FormSubmission, schema: FormVersion['schema'] | undefined, mayRead: CaseSection[]): FormSubmission {
  if (!schema) return s;
  const sections = sectionOfKeys(schema);
  const data = Object.fromEntries(Object.entries(s.data).filter(([k]) => {
    const section = sections.get(k);
    return !section || mayRead.includes(section);
  }));
  return { ...s, data };
}

async function variablesFormReads(
  schema: FormVersion['schema'], mayRead: CaseSection[], variables: () => Promise<Record<string, unknown> | undefined>,
): Promise<Record<string, unknown>> {
  const paths = [...formVariablePaths(schema), ...prefillPaths(schema, mayRead)];
  return paths.length ? pickVariablePaths(await variables(), paths) : {};
}

async function instanceVariables(deps: GetTaskDeps, instanceKey: string): Promise<Record<string, unknown> | undefined> {
  return deps.engine ? (await deps.engine.getInstance(instanceKey))?.variables : undefined;
}

/** The process's name from the deployed model (by version), when the engine can say. */
async function processNameOf(deps: GetTaskDeps, task: QueueTask): Promise<string | undefined> {
  if (!deps.engine?.listDeployments) return undefined;
  const versions = await deps.engine.listDeployments(task.processId).catch(() => []);
  return (versions.find((v) => v.version === task.processVersion) ?? versions[0])?.name;
}

/** People an allocation answer names (so a completed allocation reads by name, whoever has left since). */
const allocatedIds = (schema: FormVersion['schema'], data: Record<string, unknown>): string[] =>
  allocationFields(schema).flatMap((f) => (typeof data[f.key] === 'string' ? [data[f.key] as string] : []));
