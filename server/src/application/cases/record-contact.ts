// The contacts and appointments log: a contact (date, time, type, with whom, outcome, notes) is recorded as
// an item of the case's plans.contacts collection through the case-contact form, so it has the keys every
// other form writing contacts uses, the section's permissions, a stored submission and an amendment.
// An unacceptable absence starts or feeds the compliance & breach follow-up. The process models one failure
// per instance (processes/compliance-breach.bpmn waits for no further failures), so a running instance is
// never fed a second failure; instead:
// - when the case's YRO supervision is waiting for failures (yro-supervision's `yro-failure-to-comply`,
//   key caseId), the failure goes to it, and it runs compliance & breach with its own order;
// - otherwise compliance & breach starts through its message start, with the case's current order.
// Either way the message id is the contact item's, so saving the same contact again (the same key: a double
// click, a retry) writes nothing new and publishes the same message id, which the engine ignores.
import { randomBytes } from 'node:crypto';
import { ConflictError, ForbiddenError, ValidationError } from '../../domain/errors';
import { assertAnswersWritable, answeredSections } from '../../domain/forms/form-access';
import type { FormSubmission } from '../../domain/forms/form-version';
import { isPlainObject, validateSubmission, withoutExpressionAnswers } from '../../forms-core';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository, SubmissionRepository } from '../../ports/form-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { CaseGuard } from '../consent/case-guard';
import { getForm } from '../get-form';
import { applySubmissionToCase } from './apply-submission-to-case';
import { auditActor, loadVisibleCase, writable, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { withItemIds } from './item-ids';
import { currentOrder } from './start-context';

export const CONTACT_FORM_ID = 'case-contact';
export const ABSENCE_MESSAGE = 'unacceptable-absence-recorded';
export const YRO_FAILURE_MESSAGE = 'yro-failure-to-comply';
export const COMPLIANCE_PROCESS_ID = 'compliance-breach';

export interface RecordContactDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  forms: FormRepository;
  submissions: SubmissionRepository;
  clock: Clock;
  engine: Pick<WorkflowEngine, 'publishMessage'> & Partial<Pick<WorkflowEngine, 'messageRecipients'>>;
  audit?: CaseAuditSink;
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'assertMayStart'>;
}

export interface RecordContactInput {
  caseId: string;
  /** The client's key for this contact (letters, digits, - and _): the same key saves it once. */
  key?: string;
  /** The case-contact form's answers: { contact: { appointmentDate, type, attendance, … } }. */
  data: unknown;
}

export interface RecordedContact {
  contactId: string;
  /** True when this key was saved before (nothing new was written). */
  repeated: boolean;
  /** Set for an unacceptable absence: whether the compliance & breach follow-up started now or already had. */
  compliance?: { started: boolean; alreadyStarted: boolean; message: string };
}

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

export async function recordContact(deps: RecordContactDeps, actor: Actor, input: RecordContactInput): Promise<RecordedContact> {
  if (!writable(deps.policy, actor).includes('plans')) {
    throw new ForbiddenError('Your role does not allow you to record contacts and appointments.', 'SECTION_NOT_WRITABLE');
  }
  if (input.key !== undefined && !KEY.test(input.key)) throw new ValidationError('The contact key is not valid', { key: 'Use 8 to 64 letters, digits, - or _' });
  const record = await loadVisibleCase(deps, actor, input.caseId);
  await deps.caseGuard?.assertMayChange(actor, record.id, 'record a contact on this case');
  const form = await getForm(deps, CONTACT_FORM_ID);
  const now = deps.clock.now();
  const result = validateSubmission(form.schema, input.data, { now });
  if (!result.ok) throw new ValidationError('Some answers need correcting', result.errors, 'FORM_INVALID');
  // An expression's value is the server's own computation, not the person's answer (as on task completion).
  assertAnswersWritable(form.schema, withoutExpressionAnswers(form.schema, result.value), writable(deps.policy, actor));

  const submissionId = `contact-${record.id}-${input.key ?? randomBytes(10).toString('hex')}`;
  const submission: FormSubmission & { caseId: string } = {
    id: submissionId, formId: form.formId, version: form.version, data: withItemIds(form.schema, result.value, submissionId),
    submittedBy: actor.id, submittedAt: now.toISOString(), caseId: record.id,
  };
  let stored = submission;
  let repeated = false;
  try {
    await deps.submissions.create(submission);
  } catch (e) {
    if (!(e instanceof ConflictError)) throw e;
    const earlier = await deps.submissions.get(submissionId);
    if (!earlier || earlier.submittedBy !== actor.id || earlier.caseId !== record.id) throw new ConflictError('This contact was already recorded by someone else', 'CONTACT_EXISTS');
    stored = { ...earlier, caseId: record.id };
    repeated = true;
  }
  // A repeat finishes what an interrupted first attempt left (the amendment, then the follow-up's start).
  await applySubmissionToCase(deps, stored, form.schema, { fresh: !repeated });
  const contact = (isPlainObject(stored.data.contact) ? stored.data.contact : {}) as Record<string, unknown>;
  const contactId = String(contact.id);
  if (!repeated) {
    await deps.audit?.record({
      actor: auditActor(actor), action: 'case.contact-recorded', recordType: 'case', recordId: record.id,
      sections: answeredSections(form.schema, stored.data), after: { contactId, submissionId, formId: form.formId, version: form.version },
    });
  }
  const unacceptable = contact.absence === 'unacceptable' && contact.attendance !== 'attended';
  if (!unacceptable) return { contactId, repeated };
  return { contactId, repeated, compliance: await startFollowUp(deps, actor, record, contactId, contact) };
}

async function startFollowUp(
  deps: RecordContactDeps, actor: Actor, record: Parameters<typeof currentOrder>[0], contactId: string, contact: Record<string, unknown>,
): Promise<NonNullable<RecordedContact['compliance']>> {
  const contactKey = `${record.id}-${contactId}`; // URL-safe: it becomes part of the instance and task keys
  const missedAt = String(contact.appointmentDate);
  const order = currentOrder(record, missedAt);
  const variables = { caseId: record.id, contactKey, contactId, missedAt, contact, ...(order ? { order } : {}) };
  await deps.caseGuard?.assertMayStart(record.id, COMPLIANCE_PROCESS_ID, variables);
  const toYro = (await deps.engine.messageRecipients?.(YRO_FAILURE_MESSAGE, record.id))?.instanceKeys.length;
  const published = toYro
    ? await deps.engine.publishMessage(YRO_FAILURE_MESSAGE, record.id, { missedAt, contactId, contactKey, contact }, { messageId: contactKey })
    : await deps.engine.publishMessage(ABSENCE_MESSAGE, contactKey, variables, { messageId: contactKey });
  if (published.duplicate) return { started: false, alreadyStarted: true, message: 'The compliance and breach follow-up for this absence had already started.' };
  if (!published.correlated) {
    return { started: false, alreadyStarted: false, message: 'The contact is recorded, but the compliance and breach follow-up could not start: no deployed version of the process starts from the contacts log. Ask a team manager.' };
  }
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.process-started', recordType: 'case', recordId: record.id,
    after: { processId: COMPLIANCE_PROCESS_ID, contactId, message: toYro ? YRO_FAILURE_MESSAGE : ABSENCE_MESSAGE },
  });
  const via = toYro ? ' under the youth rehabilitation order\'s supervision' : '';
  return { started: true, alreadyStarted: false, message: `The compliance and breach follow-up has started${via}: the follow-up task is in the team queue.` };
}
