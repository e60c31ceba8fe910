// The main job (design.md): check the actor may complete the task, validate the answers with the task's
// form, store the submission, grow the case record, then move the process on. Every step is idempotent
// and keyed by the task, so a retried or doubled request completes the task once and a crash part-way
// is finished by the next attempt or, when nobody retries, by start-up recovery (finish-completion.ts).
// Nothing is stored until the answers and permissions are checked. A task without a form completes with
// an empty submission (it is still the key of the completion's idempotent steps). A failure before the
// submission is stored gives back the claim this request took; after it, the completion is decided and the
// task stays with its author until a retry or recovery finishes it.
// Completing an unclaimed task claims it first, through the engine as a claim does (claim-task.ts), so the
// process's `assigning` task listeners run: one may refuse (409, nothing stored) or give the task to
// someone else (409, the queue follows the engine, nothing stored).
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors';
import { assertAnswersWritable } from '../../domain/forms/form-access';
import { splitSubmission } from '../../domain/cases/form-sections';
import type { FormSubmission } from '../../domain/forms/form-version';
import { validateSubmission, withoutExpressionAnswers } from '../../forms-core';
import type { CaseRecord } from '../../domain/cases/case-record';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository, SubmissionRepository } from '../../ports/form-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { submissionItemIds, withItemIds } from '../cases/item-ids';
import { getForm } from '../get-form';
import { captureCompletionConsents, type CaptureConsents } from './capture-completion-consents';
import { takeClaim } from './claim-task';
import { finishCompletion, type FinishCompletionDeps } from './finish-completion';
import { submissionIdForTask } from './get-task';
import { assertCandidate, loadTaskToActOn } from './task-access';
import type { CaseGuard } from '../consent/case-guard';
import { allocationErrors, suppliedVariables, type TeamUsers } from '../cases/team-case-managers';
import type { ShareStep } from '../sharing/share-step';
import { checkFormDocuments, type FormDocumentsDeps } from '../documents/check-form-documents';

export interface CompleteTaskDeps {
  tasks: TaskRepository;
  engine: Pick<WorkflowEngine, 'completeUserTask' | 'getInstance' | 'assignUserTask'>;
  forms: FormRepository;
  submissions: SubmissionRepository;
  cases: CaseRepository;
  policy: AccessPolicy;
  clock: Clock;
  audit?: CaseAuditSink;
  /** Refuses work on a restricted case, or of a purpose whose consent was withdrawn (application/consent). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'assertMayComplete'>;
  /** Turns consents the form captures into consent records (application/consent/record-consent-from-form.ts). */
  captureConsents?: CaptureConsents;
  /** For the variables the server supplies to forms (the team's case managers) and the allocation check. */
  people?: TeamUsers;
  /** Records an allocation the form made (allocate-case.ts); see finish-completion.ts. */
  allocate?: FinishCompletionDeps['allocate'];
  /** A share step's agreements: offered, checked against the recipients, disclosures audited (application/sharing/share-step.ts). */
  shareStep?: ShareStep;
  /** Checks filepicker answers against the case's documents (application/documents/check-form-documents.ts). */
  formDocuments?: FormDocumentsDeps;
}

export interface CompleteTaskResult {
  submission: FormSubmission;
  amendedSections: string[];
  /** True when this request found the task already completed by the same person (a retry). */
  repeated: boolean;
}

export async function completeTask(deps: CompleteTaskDeps, actor: Actor, taskId: string, data: unknown): Promise<CompleteTaskResult> {
  requireAction(deps.policy, actor, 'complete', 'complete tasks');
  const task = await loadTaskToActOn(deps, actor, taskId, false); // the case rule: never another team's task
  // An open task's earlier submission (a crash before the engine moved on) is found by the insert below,
  // which refuses the same id: only a closed task needs the lookup first (one read less per completion).
  const previous = task.state === 'open' ? undefined : await deps.submissions.get(submissionIdForTask(task.id));
  if (previous) {
    if (previous.submittedBy !== actor.id) throw new ConflictError('Someone else completed this task a moment ago', 'TASK_CLOSED');
    return finish(deps, actor, task.id, previous);
  }
  if (task.state !== 'open') throw new ConflictError(`This task is already ${task.state}`, 'TASK_CLOSED');
  if (task.assignee && task.assignee !== actor.id) throw new ForbiddenError('This task is claimed by someone else', 'ASSIGNED_TO_SOMEONE_ELSE');
  if (!task.assignee) assertCandidate(actor, task);

  const now = deps.clock.now();
  const [form, instance] = await Promise.all([task.formId ? getForm(deps, task.formId) : undefined, deps.engine.getInstance(task.instanceKey)]);
  const variables = instance?.variables;
  // The form sees the variables the task page was given (the instance's and the server's supplied ones);
  // an allocation must name an active case manager of the case's team, said beside its field.
  const [supplied, allocation] = deps.people && form
    ? await Promise.all([suppliedVariables(deps.people, form.schema, task.team), allocationErrors(deps.people, form.schema, task.team, data)])
    : [{}, {}];
  const [agreements, sharing] = deps.shareStep && form
    ? await Promise.all([deps.shareStep.variables(form.schema), deps.shareStep.errors(form.schema, data)])
    : [{}, {}];
  // Files only where the server checks each reference against this case's documents (a task of a case).
  const acceptFiles = Boolean(task.caseId && deps.formDocuments);
  const validated = form ? validateSubmission(form.schema, data, { now, variables: { ...(variables ?? {}), ...supplied, ...agreements }, acceptFiles }) : emptyOnly(data);
  const files = validated.ok && form && acceptFiles ? await checkFormDocuments(deps.formDocuments!, actor, form.schema, task.caseId, validated.value, variables) : undefined;
  const result = files ? { ok: true as const, value: files.value } : validated; // files: checked only when validated.ok
  if (!result.ok || Object.keys(allocation).length || Object.keys(sharing).length || Object.keys(files?.errors ?? {}).length) {
    throw new ValidationError('Some answers need correcting', { ...sharing, ...(result.ok ? {} : result.errors), ...files?.errors, ...allocation }, 'FORM_INVALID');
  }
  await deps.caseGuard?.assertMayChange(actor, task.caseId, 'complete this task');
  await deps.caseGuard?.assertMayComplete(task, variables);
  // With or without a case: an answer in a section the actor may not write is refused by its label. An
  // expression's value is the server's, not typed: it is left out (its section is checked at deploy).
  if (form) assertAnswersWritable(form.schema, withoutExpressionAnswers(form.schema, result.value), writable(deps.policy, actor));
  // Collection items get their ids now, before anything is stored: the stored answers, the variables the
  // engine receives (`victim.id`) and any retry or recovery then all name the same items.
  const answers = form ? withItemIds(form.schema, result.value, submissionIdForTask(task.id), variables) : result.value;
  const sections = form && task.caseId ? [...splitSubmission(form.schema, answers, submissionItemIds(submissionIdForTask(task.id))).keys()] : [];

  const claimed = !task.assignee;
  if (claimed) await claimToComplete(deps, actor, task.id, now.toISOString());
  const submission: FormSubmission = {
    id: submissionIdForTask(task.id), formId: form?.formId ?? '', version: form?.version ?? 0, data: answers,
    submittedBy: actor.id, submittedAt: now.toISOString(), taskId: task.id, ...(task.caseId ? { caseId: task.caseId } : {}),
  };
  // The case is read while the submission is stored (one round trip less in a row); if it changes in
  // between, the section write notices (its amendment's revision is taken) and writes it again.
  const [stored, read] = await Promise.allSettled([
    deps.submissions.create(submission),
    sections.length && task.caseId ? deps.cases.findById(task.caseId) : undefined,
  ]);
  if (stored.status === 'rejected') {
    const e: unknown = stored.reason;
    // The same person's other request stored it first: finish with theirs (same task, same person).
    if (!(e instanceof ConflictError)) {
      // Nothing stored: the task goes back to the queue as it was (best effort; the error is what counts).
      if (claimed) await giveBack(deps, actor, task.id);
      throw e;
    }
    const earlier = await deps.submissions.get(submission.id);
    if (!earlier || earlier.submittedBy !== actor.id) throw new ConflictError('Someone else completed this task a moment ago', 'TASK_CLOSED');
    return finish(deps, actor, task.id, earlier);
  }
  if (read.status === 'rejected') throw read.reason; // decided already: a retry or recovery finishes it
  const record: CaseRecord | undefined = read.value;
  const amended = await finishCompletion(deps, auditActor(actor), task.id, submission, { fresh: true, form, record });
  await deps.shareStep?.disclose(form?.schema, submission, auditActor(actor));
  await captureCompletionConsents(deps, auditActor(actor), submission, variables, form);
  return { submission, amendedSections: amended, repeated: false };
}

/** The claim a completion of an unclaimed task takes: the queue's race-safe write, then the engine's listeners. */
async function claimToComplete(deps: CompleteTaskDeps, actor: Actor, taskId: string, at: string): Promise<void> {
  const { corrected } = await takeClaim(deps, actor.id, taskId, at);
  if (corrected) {
    throw new ConflictError('The process gave this task to someone else when you took it, so it was not completed. Nothing was stored.', 'CLAIM_CORRECTED');
  }
}

/** Best effort: the claim this request took goes back, in the queue and in the engine (the error is what counts). */
async function giveBack(deps: CompleteTaskDeps, actor: Actor, taskId: string): Promise<void> {
  await deps.tasks.unclaim(taskId, actor.id).catch(() => undefined);
  await deps.engine.assignUserTask(taskId, null, { by: actor.id, action: 'unassign' }).catch(() => undefined);
}

/** A repeat (retry, double click, or the author completing again after a crash): whatever is missing, once. */
async function finish(deps: CompleteTaskDeps, actor: Actor, taskId: string, stored: FormSubmission): Promise<CompleteTaskResult> {
  const amended = await finishCompletion(deps, auditActor(actor), taskId, stored, { fresh: false });
  if (deps.captureConsents) {
    // A retry after a failure past the submission: the consents it captured are stored once (keyed by the submission).
    const task = await deps.tasks.findById(taskId);
    const variables = task ? (await deps.engine.getInstance(task.instanceKey))?.variables : undefined;
    await captureCompletionConsents(deps, auditActor(actor), stored, variables);
  }
  return { submission: stored, amendedSections: amended, repeated: true };
}

function emptyOnly(data: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const keys = data && typeof data === 'object' ? Object.keys(data) : [];
  return keys.length ? { ok: false, errors: Object.fromEntries(keys.map((k) => [k, 'This task has no form; send no answers'])) } : { ok: true, value: {} };
}
