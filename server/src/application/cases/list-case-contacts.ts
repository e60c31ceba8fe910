// The contacts and appointments log in words: every item of the case's plans.contacts collection, whichever
// form wrote it (the log's own form, a first appointment, a YRO review, a compliance follow-up), newest
// first, with the case-contact form's option labels (outcome, type) and the recorder's name. Reading it is
// a read of the plans section: refused to roles that may not read it, audited, and another team's case is
// reached only by break glass with a reason (the case rule, reachOfCase), recorded and flagged.
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { CollectionItem } from '../../domain/cases/case-collections';
import { normaliseOptions, type FormComponent, type FormDefinition } from '../../forms-core';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { auditActor, readable, reachOfCase, requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { CONTACT_FORM_ID } from './record-contact';

export interface ListCaseContactsDeps {
  cases: Pick<CaseRepository, 'findById'>;
  policy: AccessPolicy;
  forms: FormRepository;
  users?: Pick<UserRepository, 'findById'>;
  audit?: CaseAuditSink;
}

export interface ContactView {
  id: string;
  /** "YYYY-MM-DD" as recorded; the client formats it ("14 March 2010"). */
  date?: string;
  time?: string;
  type?: string;
  withWhom?: string;
  purpose?: string;
  /** In words: "Attended", "Did not attend: unacceptable absence". */
  outcome?: string;
  /** attended | acceptable | unacceptable | other: what the outcome means, for styling and filters. */
  outcomeKind: 'attended' | 'acceptable' | 'unacceptable' | 'other';
  absenceReason?: string;
  notes?: string;
  recordedBy?: string;
  recordedAt?: string;
}

export type ContactLabels = Record<string, Record<string, string>>;
type Labels = ContactLabels;

/** The case-contact form's option labels by field key (outcome, type…). */
export const optionLabels = (components: FormComponent[] = []): Labels => {
  const out: Labels = {};
  const visit = (list: FormComponent[]) => list.forEach((c) => {
    const options = normaliseOptions(c.values);
    if (c.key && options) out[c.key] = Object.fromEntries(options.map((o) => [String(o.value), o.label]));
    if (c.components) visit(c.components);
  });
  visit(components);
  return out;
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

export interface ContactLog {
  items: ContactView[];
  /** The form a new contact is recorded with, for those who may record one (plans write, the case's team). */
  form?: FormDefinition;
}

export async function listCaseContacts(deps: ListCaseContactsDeps, actor: Actor, caseId: string, reason?: string): Promise<ContactLog> {
  requireAction(deps.policy, actor, 'view-cases', 'open case records');
  const record = await deps.cases.findById(caseId);
  const reach = reachOfCase(deps.policy, actor, record, reason);
  if (!record || reach === 'none' || reach === 'unscoped') {
    if (record && deps.policy.can(actor, 'break-glass')) throw new ForbiddenError('This case belongs to another team. Give a reason to open it; the access is recorded and shown to managers.', 'BREAK_GLASS_REASON_REQUIRED');
    throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  }
  if (!readable(deps.policy, actor).includes('plans')) throw new ForbiddenError('Your role does not allow you to read contacts and appointments', 'SECTION_NOT_READABLE');
  const form = (await deps.forms.latest(CONTACT_FORM_ID))?.schema;
  const labels = optionLabels(form?.components);
  const items = record.sections.plans?.collections?.contacts ?? [];
  const names = new Map<string, string>();
  for (const by of new Set(items.map((i) => firstSource(i)?.by).filter((b): b is string => !!b))) {
    const user = await deps.users?.findById(by);
    names.set(by, user?.displayName ?? 'A former colleague');
  }
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.read', recordType: 'case', recordId: record.id, sections: ['plans'],
    ...(reach === 'break-glass' ? { reason: reason!.trim(), flagged: true } : {}),
  });
  const listed = items.map((i) => present(i, labels, names)).sort((a, b) => `${b.date ?? ''}${b.time ?? ''}`.localeCompare(`${a.date ?? ''}${a.time ?? ''}`));
  const mayRecord = reach === 'team' && writable(deps.policy, actor).includes('plans');
  return { items: listed, ...(mayRecord && form ? { form } : {}) };
}

export const firstSource = (item: CollectionItem) => Object.values(item.sources ?? {}).sort((a, b) => a.at.localeCompare(b.at))[0];

/** One contact in words (names: user id → display name). */
export function present(item: CollectionItem, labels: Labels, names: Map<string, string>): ContactView {
  const v = item.values;
  const word = (key: string) => (text(v[key]) ? labels[key]?.[String(v[key])] ?? String(v[key]) : undefined);
  const attendance = word('attendance');
  const absence = v.attendance === 'attended' ? undefined : word('absence');
  const outcomeKind = v.attendance === 'attended' ? 'attended' : v.absence === 'unacceptable' ? 'unacceptable' : v.absence === 'acceptable' ? 'acceptable' : 'other';
  const source = firstSource(item);
  const entries: Partial<ContactView> = {
    date: text(v.appointmentDate), time: text(v.appointmentTime), type: word('type'), withWhom: text(v.withWhom), purpose: text(v.purpose),
    outcome: attendance && absence ? `${attendance}: ${absence.charAt(0).toLowerCase()}${absence.slice(1)}` : attendance ?? absence,
    absenceReason: text(v.absenceReason), notes: text(v.notes),
    recordedBy: source?.by ? names.get(source.by) : undefined, recordedAt: source?.at,
  };
  return { id: item.id, outcomeKind, ...Object.fromEntries(Object.entries(entries).filter(([, x]) => x !== undefined)) } as ContactView;
}
