// The AssetPlus "share" step (forms/assetplus-share.form) shares under an agreement: its checklist of
// agreements (`valuesKey: sharingAgreementsInForce`) offers the agreements in force today, supplied by the
// server as the allocation forms' case managers are (application/cases/team-case-managers.ts). Completing it
// is refused, beside the field, unless every recipient ticked (the field named by `properties.recipients`)
// is covered by a chosen agreement in force for that kind of recipient that allows the assessment or the
// plan; once completed, each agreement's disclosure is audited with the sections it let go.
import type { FormComponent, FormDefinition, FormOption } from '../../forms-core';
import type { AuditActor } from '../../domain/audit/audit-event';
import type { FormSubmission } from '../../domain/forms/form-version';
import { allowedSections, RECIPIENT_KINDS, type SharingAgreement } from '../../domain/sharing/sharing-agreement';
import type { AuditLog } from '../../ports/audit-log.port';
import { agreementsInForce, type ListAgreementsDeps } from './list-sharing-agreements';
import { recordDisclosure } from './record-disclosure';

export const SHARING_AGREEMENTS_IN_FORCE = 'sharingAgreementsInForce';
/** What the step shares: the assessment and its intervention plan. */
export const SHARED_SECTIONS = ['assessments', 'plans'];

type Form = Pick<FormDefinition, 'components'> | undefined;

export interface ShareStep {
  /** The agreements to offer (and those `alsoIds` names, so a completed step still reads by name). */
  variables(form: Form, alsoIds?: string[]): Promise<Record<string, unknown>>;
  errors(form: Form, data: unknown): Promise<Record<string, string>>;
  disclose(form: Form, submission: FormSubmission, actor: AuditActor): Promise<void>;
}

const agreementField = (form: Form): (FormComponent & { key: string }) | undefined =>
  (form?.components ?? []).find((c): c is FormComponent & { key: string } => !!c && c.valuesKey === SHARING_AGREEMENTS_IN_FORCE && typeof c.key === 'string');

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
const option = (a: SharingAgreement): FormOption => ({ label: `${a.partner}: ${a.purpose} (until ${a.endDate})`, value: a.id });

export function createShareStep(deps: ListAgreementsDeps & { audit: Pick<AuditLog, 'record'> }): ShareStep {
  const chosen = async (form: Form, data: unknown) => {
    const field = agreementField(form);
    if (!field || !data || typeof data !== 'object') return undefined;
    const values = data as Record<string, unknown>;
    const inForce = new Map((await agreementsInForce(deps)).map((a) => [a.id, a]));
    const ids = strings(values[field.key]);
    return { field, ids, inForce, recipients: strings(values[String(field.properties?.recipients ?? '')]) };
  };
  return {
    async variables(form, alsoIds = []) {
      if (!agreementField(form)) return {};
      const options = (await agreementsInForce(deps)).map(option);
      for (const id of alsoIds) {
        const a = options.some((o) => o.value === id) ? undefined : await deps.agreements.findById(id);
        if (a) options.push(option(a));
      }
      return { [SHARING_AGREEMENTS_IN_FORCE]: options };
    },
    async errors(form, data) {
      const c = await chosen(form, data);
      if (!c) return {};
      const agreements = c.ids.map((id) => c.inForce.get(id));
      const problems: string[] = [];
      if (agreements.some((a) => !a)) problems.push('Choose agreements from the list: one you chose is not in force today');
      for (const a of agreements) if (a && !allowedSections(SHARED_SECTIONS, a.sections).length) problems.push(`The agreement with ${a.partner} does not cover assessments or plans`);
      for (const kind of c.recipients.filter((r) => (RECIPIENT_KINDS as readonly string[]).includes(r))) {
        if (!agreements.some((a) => a?.recipientKind === kind)) problems.push(`Choose an agreement in force with the ${kind.replace(/-/g, ' ')}: without one it cannot be shared with them`);
      }
      return problems.length ? { [c.field.key]: problems.join('. ') } : {};
    },
    async disclose(form, submission, actor) {
      const field = agreementField(form);
      if (!field || !submission.caseId) return;
      for (const id of strings(submission.data[field.key])) {
        const a = await deps.agreements.findById(id);
        if (!a) continue;
        await recordDisclosure(deps.audit, {
          actor, caseId: submission.caseId, agreement: a, sections: allowedSections(SHARED_SECTIONS, a.sections),
          channel: 'AssetPlus share step', key: `${submission.id}:disclosed:${a.id}`,
        });
      }
    },
  };
}
