// "Start work" on the case page: the processes the actor's role may start by hand on this case, each by
// name with its start form and what the form may read (the case's orders in words). Only the case's own
// team starts work on it (the case rule: acting never crosses teams).
import { mayStart } from '../../domain/cases/start-declaration';
import type { FormDefinition } from '../../forms-core';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { FormRepository } from '../../ports/form-repository.port';
import { auditActor, loadVisibleCase, readable, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import type { ProcessStartForms } from './process-start-forms';
import { startContextOf, type StartContext } from './start-context';

export interface ListStartableDeps {
  cases: Pick<CaseRepository, 'findById'>;
  policy: AccessPolicy;
  forms: FormRepository;
  startForms: ProcessStartForms;
  audit?: CaseAuditSink;
}

export interface StartableProcess {
  processId: string;
  name: string;
  /** What starts it, in the process's words ("Victim details received from police"). */
  startEventName?: string;
  form: FormDefinition;
}

export async function listStartableProcesses(deps: ListStartableDeps, actor: Actor, caseId: string): Promise<{ items: StartableProcess[]; variables: StartContext }> {
  const record = await loadVisibleCase(deps, actor, caseId);
  const declared = (await deps.startForms.all()).filter((d) => mayStart(d, actor.roles));
  const items = await Promise.all(declared.map(async (d) => {
    const form = await deps.forms.latest(d.formId);
    return form ? { processId: d.processId, name: d.name, ...(d.startEventName ? { startEventName: d.startEventName } : {}), form: form.schema } : undefined;
  }));
  // Orders and victims are offending and victims data: offered only to those who may read those sections.
  const variables = startContextOf(record, readable(deps.policy, actor));
  // The orders and victims offered are case data read: audited as such.
  const sections = [...(variables.caseOrders.length ? ['offending'] : []), ...(variables.caseVictims?.length ? ['victims'] : [])];
  if (sections.length) await deps.audit?.record({ actor: auditActor(actor), action: 'case.read', recordType: 'case', recordId: record.id, sections });
  return { items: items.filter((i): i is StartableProcess => !!i), variables };
}
