// Forms as the service stores them: immutable versions of a form-js definition, submissions that say
// which version they were validated against, and drafts (partial data, never validated).
import type { FormDefinition } from '../../forms-core';
import { can } from '../policies';

export interface FormActor {
  id: string;
  roles: readonly string[];
  /** The signed-in user's teams (case visibility follows team membership). */
  teams?: readonly string[];
}

/** Who may deploy forms is the permission table's 'deploy-form' action (team managers, admins). */
export const canDesignForms = (actor: FormActor): boolean => can(actor, 'deploy-form');

export interface FormVersion {
  formId: string;
  version: number;
  /** Hash of the canonical content: redeploying the same content returns the existing version. */
  contentHash: string;
  schema: FormDefinition;
  deployedAt: string;
  deployedBy: string;
  source: 'file' | 'api';
  /** Why a person deployed it (required of people, as for processes); the shipped files have none. */
  comment?: string;
}

export type FormVersionSummary = Omit<FormVersion, 'schema'> & { title?: string };
/** A version as the version list shows it: who deployed it by name, never by id. */
export type FormVersionListItem = FormVersionSummary & { deployedByName: string };

/** The longest deploy comment kept (a sentence or two, as for a process deploy). */
export const FORM_COMMENT_MAX = 1000;

export interface FormSubmission {
  id: string;
  formId: string;
  version: number;
  data: Record<string, unknown>;
  submittedBy: string;
  submittedAt: string;
  taskId?: string;
  caseId?: string;
}

export interface FormDraft {
  id: string;
  formId: string;
  version: number;
  ownerId: string;
  /** Whatever the user had typed: partial and unvalidated, so stored opaquely. */
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  taskId?: string;
  caseId?: string;
}

/**
 * JSON with object keys sorted, so key order (which editors do not preserve) does not make a new version.
 * `exporter` is left out: it only records which tool last saved the file.
 */
export function canonicalFormJson(schema: FormDefinition): string {
  const { exporter: _exporter, ...content } = schema;
  return JSON.stringify(sortKeys(content));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/** A title for lists: the first heading of a text component, else the id. */
export function formTitle(schema: FormDefinition): string {
  for (const c of schema.components ?? []) {
    if (c.type === 'text' && typeof c.text === 'string') {
      const m = /^#+\s*(.+)$/m.exec(c.text);
      if (m) return m[1].trim();
    }
  }
  return schema.id;
}
