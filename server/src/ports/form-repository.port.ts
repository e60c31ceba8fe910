import type { FormDraft, FormSubmission, FormVersion, FormVersionSummary } from '../domain/forms/form-version';

/** Append-only versions per form id. */
export interface FormRepository {
  latest(formId: string): Promise<FormVersion | undefined>;
  getVersion(formId: string, version: number): Promise<FormVersion | undefined>;
  /** Newest first. */
  versions(formId: string): Promise<FormVersionSummary[]>;
  /** The latest version of every form. */
  listLatest(): Promise<FormVersionSummary[]>;
  /** Throws ConflictError when (formId, version) already exists (someone deployed at the same time). */
  append(version: FormVersion): Promise<void>;
}

export interface SubmissionQuery {
  formId?: string;
  caseId?: string;
  taskId?: string;
  submittedBy?: string;
}

export interface SubmissionRepository {
  create(submission: FormSubmission): Promise<void>;
  get(id: string): Promise<FormSubmission | undefined>;
  /** Newest first. */
  list(query: SubmissionQuery, limit: number): Promise<FormSubmission[]>;
}

export interface DraftQuery {
  ownerId: string;
  formId?: string;
  caseId?: string;
  taskId?: string;
}

export interface DraftRepository {
  /** Insert or replace by id. */
  save(draft: FormDraft): Promise<void>;
  get(id: string): Promise<FormDraft | undefined>;
  /** Most recently updated first. */
  list(query: DraftQuery): Promise<FormDraft[]>;
  /** True when a draft was removed. */
  remove(id: string): Promise<boolean>;
}
