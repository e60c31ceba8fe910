// Response schemas of submissions and drafts, checked against the use cases' own return types as
// response-schemas.ts does, so the document, the contract tests and the web client's form page share one
// definition.
import { z } from 'zod';
import type { VisibleSubmission } from '../../application/get-submissions';
import type { FormDraft, FormSubmission, FormVersion } from '../../domain/forms/form-version';
import type { FormDefinitionProblem } from '../../forms-core';
import { describes, Form, instant } from './response-schemas';

const answers = z.record(z.string(), z.unknown()).describe('The answers, keyed as the form keys them');
const about = { taskId: z.string().optional(), caseId: z.string().optional() };

const submission = z.looseObject({
  id: z.string(), formId: z.string(), version: z.number().int(), data: answers, submittedBy: z.string(), submittedAt: instant, ...about,
});

/** A submission as stored (the answer to submitting a form or a draft). */
export const Submission = { name: 'Submission', schema: describes<FormSubmission>()(submission) };

const visibleSubmission = describes<VisibleSubmission>()(submission.extend({
  withheldSections: z.array(z.string()).describe("Sections whose answers were left out: the reader may not read them"),
}));

export const SubmissionRead = { name: 'SubmissionRead', schema: visibleSubmission };
export const SubmissionList = { name: 'SubmissionList', schema: z.looseObject({ items: z.array(visibleSubmission) }) };

const draft = describes<FormDraft>()(z.looseObject({
  id: z.string(), formId: z.string(), version: z.number().int(), ownerId: z.string(),
  data: answers.describe('Whatever was typed: partial and not validated'), createdAt: instant, updatedAt: instant, ...about,
}));

export const Draft = { name: 'Draft', schema: draft };
export const DraftList = { name: 'DraftList', schema: z.looseObject({ items: z.array(draft) }) };

/** The designer's live check of a definition: every problem at once, each naming its component. */
export const FormCheck = {
  name: 'FormCheck',
  schema: z.looseObject({
    problems: z.array(describes<FormDefinitionProblem>()(z.looseObject({ path: z.string(), componentId: z.string().optional(), message: z.string() }))),
  }),
};

/** A deploy's answer: the version (new, or the same one for unchanged content) and whether it was made now. */
export const FormDeployed = {
  name: 'FormDeployed',
  schema: describes<FormVersion & { created: boolean }>()(Form.schema.extend({ created: z.boolean().describe('false: the content was deployed before, as this version') })),
};
