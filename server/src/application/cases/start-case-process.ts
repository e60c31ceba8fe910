// Starts a statutory process for a case (a victim contact, an AssetPlus assessment, a plan review…). The
// case of the instance is its `caseId` variable (called processes inherit it), so every task the process
// creates is linked to the case and appears in the queues of the case's team. The business key is set too,
// for the monitor's lists only: nothing depends on it (Zeebe has none).
// A process whose start event declares a start form (domain/cases/start-declaration.ts) is started by hand
// from the case page: only by the roles it names, and only with answers its form accepts (the same compiled
// schema the browser used; 422 with field errors, nothing started). A process without one is started by the
// product itself (referral & intake from a referral, closure) with the variables it passes.
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { mayStart } from '../../domain/cases/start-declaration';
import { validateSubmission, type FormComponent } from '../../forms-core';
import type { Clock } from '../../ports/clock.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { WorkflowEngine, Variables } from '../../ports/workflow-engine.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { CaseGuard } from '../consent/case-guard';
import { getForm } from '../get-form';
import { auditActor, loadVisibleCase, readable, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import type { ProcessStartForms } from './process-start-forms';
import { orderVariable, startContextOf } from './start-context';
import { waitForOpenTask } from '../tasks/wait-for-open-task';

export interface StartCaseProcessDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  engine: Pick<WorkflowEngine, 'startInstance'> & Partial<Pick<WorkflowEngine, 'listUserTasks'>>;
  audit?: CaseAuditSink;
  /** Refuses a start on a restricted case, or of a process whose consent was withdrawn (application/consent). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'assertMayStart'>;
  /** Start forms declared by the processes; without it every process starts as one without a start form. */
  startForms?: ProcessStartForms;
  forms?: FormRepository;
  clock?: Clock;
  /** How long to look for the new instance's first task (ms; default 2 s). */
  firstTaskWaitMs?: number;
}

export interface StartCaseProcessInput {
  caseId: string;
  processId: string;
  /** Start variables: the start form's answers, or (no start form) what the process reads; caseId is always the case's. */
  variables?: Variables;
}

export interface StartedProcess {
  instanceKey: string;
  processId: string;
  version: number;
  /** The first open task of the new instance, when it waits at one (so the person can go straight to it). */
  firstTask?: { id: string; name: string; candidateGroups: string[]; forYou: boolean };
}

export async function startCaseProcess(deps: StartCaseProcessDeps, actor: Actor, input: StartCaseProcessInput): Promise<StartedProcess> {
  const declaration = await deps.startForms?.of(input.processId);
  if (declaration) {
    if (!mayStart(declaration, actor.roles)) throw new ForbiddenError(`Your role does not allow you to start ${declaration.name}`, 'ACTION_NOT_ALLOWED');
  } else requireAction(deps.policy, actor, 'create-case', 'start a process for a case');
  const record = await loadVisibleCase(deps, actor, input.caseId);
  let variables: Variables = { ...(input.variables ?? {}), caseId: record.id };
  if (declaration) {
    if (!deps.forms) throw new NotFoundError(`No form "${declaration.formId}"`, 'FORM_NOT_FOUND');
    const form = await getForm({ forms: deps.forms }, declaration.formId);
    const now = deps.clock?.now() ?? new Date();
    const result = validateSubmission(form.schema, input.variables ?? {}, { now, variables: { ...startContextOf(record, readable(deps.policy, actor)) } });
    if (!result.ok) throw new ValidationError('Some answers need correcting', result.errors, 'FORM_INVALID');
    const order = orderVariable(record, result.value.orderId);
    variables = { ...uncheckedAsFalse(form.schema.components), ...result.value, ...(order ? { order } : {}), caseId: record.id };
  }
  await deps.caseGuard?.assertMayChange(actor, record.id, `start ${declaration?.name ?? input.processId} on this case`);
  await deps.caseGuard?.assertMayStart(record.id, input.processId, variables);
  const started = await deps.engine.startInstance(input.processId, variables, { businessKey: record.id });
  await deps.audit?.record({
    actor: auditActor(actor),
    action: 'case.process-started',
    recordType: 'case',
    recordId: record.id,
    after: { processId: started.processId, version: started.version, instanceKey: started.instanceKey, ...(declaration ? { formId: declaration.formId } : {}) },
  });
  const task = await firstOpenTask(deps, started.instanceKey);
  if (!task) return started;
  // Whether the person who started it may open it, or it waits in another group's queue (victim workers').
  const forYou = task.candidateGroups.some((g) => actor.roles.includes(g)) || task.candidateUsers.includes(actor.id);
  return { ...started, firstTask: { id: task.key, name: task.name, candidateGroups: task.candidateGroups, forYou } };
}

// A checkbox left unticked is not sent, but the process decides on it (`victimObjected = true` fails on a
// missing variable in FEEL): every top-level checkbox of a start form starts as false.
function uncheckedAsFalse(components: FormComponent[]): Variables {
  return Object.fromEntries(components.filter((c) => c.type === 'checkbox' && typeof c.key === 'string').map((c) => [c.key as string, false]));
}

// The first task usually follows a service task (the deadlines job), which the engine's worker runs just
// after the start returns: look a few times, briefly, so the person can be taken straight to it. A process
// that waits elsewhere first (a timer, a message) simply has no first task to show.
async function firstOpenTask(deps: StartCaseProcessDeps, instanceKey: string) {
  if (!deps.engine.listUserTasks) return undefined;
  return waitForOpenTask({ listUserTasks: deps.engine.listUserTasks.bind(deps.engine) }, instanceKey, { waitMs: deps.firstTaskWaitMs ?? 2_000 });
}
