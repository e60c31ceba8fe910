// Where a process says which work rests on consent (the issue: "a process or task that depends on a purpose
// declares it"). The declaration is a Zeebe extension property, so Camunda Modeler shows and edits it and
// Zeebe carries it unchanged:
//   on the process      <zeebe:property name="consentPurpose" value="prevention-work" />
//                        starting the process needs the purpose's consent not to be withdrawn;
//   on a subprocess or user task (same property): completing that task, or any user task inside that
//                        subprocess, needs it.
// `consentSubject` (same element) names the variable holding whose consent it is (e.g. "victim.id": a
// victim's item id), so one victim's withdrawal stops that victim's work only.
import { CONSENT_PURPOSES, type ConsentPurpose } from './consent-record';

export interface PurposeDeclaration {
  purpose: ConsentPurpose;
  /** Dotted variable path of the subject (victim item id, agency), when the purpose is per subject. */
  subjectVariable?: string;
}

export interface ProcessPurposes {
  process?: PurposeDeclaration;
  /** User task element id → the declaration it falls under (its own, or its nearest enclosing subprocess's). */
  tasks: Record<string, PurposeDeclaration>;
}

export const isConsentPurpose = (v: unknown): v is ConsentPurpose => CONSENT_PURPOSES.includes(v as ConsentPurpose);

/** The value at a dotted path of process variables ("victim.id"), as a string, if there is one. */
export function subjectFrom(variables: Record<string, unknown> | undefined, path: string | undefined): string | undefined {
  if (!path || !variables) return undefined;
  let v: unknown = variables;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' && v ? v : undefined;
}
