// Consent captured on a form becomes a consent record when the task completes. The form says which answer
// is a consent, with string properties on that field (form-js keeps them; Camunda Modeler edits them):
//   consentPurpose       prevention-work | restorative-justice | agency-sharing
//   consentGivenValue    the answer that means consent is given (e.g. "given", "consents")
//   consentGivenBy       who gives it (child, parent-carer, victim…), or consentGivenByKey: a sibling answer
//                        holding it (answers "both" → child-and-parent-carer)
//   consentDateKey       a sibling answer holding the date given (else the date of the submission)
//   consentSubject       the process variable naming whose consent it is (e.g. "victim.id")
// The privacy notice given is the form's own text, so its version is the form id and version.
import type { FormDefinition, FormComponent } from '../../forms-core/form.types';
import { getIn, isContainer, isInput, ownSegments } from '../../forms-core/form-tree';
import { CONSENT_GIVERS, type ConsentGiver, type ConsentInput } from '../../domain/consent/consent-record';
import { isConsentPurpose, subjectFrom } from '../../domain/consent/purpose-declarations';
import type { ConsentDeps } from './consent-access';
import { storeConsent } from './record-consent';

export interface ConsentSubmission {
  caseId: string;
  formId: string;
  version: number;
  submissionId: string;
  submittedAt: string;
  data: Record<string, unknown>;
  actor: { id: string; roles: string[] };
}

const GIVER_ALIASES: Record<string, ConsentGiver> = { both: 'child-and-parent-carer' };
const giverOf = (v: unknown): ConsentGiver | undefined =>
  typeof v === 'string' ? (GIVER_ALIASES[v] ?? (CONSENT_GIVERS.includes(v as ConsentGiver) ? (v as ConsentGiver) : undefined)) : undefined;

/** The consents a submission gives, by the form's field properties (pure: easy to test on its own). */
export function consentsInSubmission(schema: FormDefinition, s: Omit<ConsentSubmission, 'actor'>, variables: Record<string, unknown> | undefined): ConsentInput[] {
  const found: ConsentInput[] = [];
  const visit = (components: FormComponent[], base: string[]) => {
    for (const c of components ?? []) {
      if (isContainer(c) && c.type !== 'dynamiclist') visit(c.components ?? [], [...base, ...ownSegments(c)]);
      const p = c.properties ?? {};
      if (!isInput(c) || !isConsentPurpose(p.consentPurpose)) continue;
      if (getIn(s.data, [...base, ...ownSegments(c)]) !== (p.consentGivenValue ?? 'given')) continue;
      const sibling = (key: string | undefined) => (key ? getIn(s.data, [...base, ...key.split('.')]) : undefined);
      const givenBy = giverOf(p.consentGivenBy) ?? giverOf(sibling(p.consentGivenByKey));
      const date = sibling(p.consentDateKey);
      const subject = subjectFrom(variables, p.consentSubject);
      found.push({
        purpose: p.consentPurpose, givenBy: givenBy ?? 'child',
        givenOn: typeof date === 'string' && date ? date.slice(0, 10) : s.submittedAt.slice(0, 10),
        evidence: `submission ${s.submissionId}`, privacyNoticeVersion: `${s.formId} version ${s.version}`,
        ...(subject ? { subject } : {}),
      });
    }
  };
  visit(schema.components ?? [], []);
  return found;
}

/** Stores the consents of a completed task's submission; idempotent (a recovery re-run stores nothing new). */
export async function recordConsentFromForm(
  deps: Pick<ConsentDeps, 'consents' | 'clock' | 'audit'>, schema: FormDefinition, s: ConsentSubmission, variables: Record<string, unknown> | undefined,
): Promise<number> {
  let created = 0;
  for (const input of consentsInSubmission(schema, s, variables)) {
    if ((await storeConsent(deps, s.actor.id, s.actor, s.caseId, input)).created) created += 1;
  }
  return created;
}
