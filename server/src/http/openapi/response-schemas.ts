// Response schemas of the most used reads (tasks, cases, forms, processes, the session), in zod so the
// document and the response test share one definition. Each is checked against the presenter's own
// TypeScript type (`describes<T>()`): a field the presenter drops or renames fails to compile here. Objects
// are loose (more fields may appear) so adding a field to a presenter is not a breaking change.
import { z } from 'zod';
import type { CaseView } from '../../application/cases/get-case';
import type { TaskView } from '../../application/tasks/get-task';
import type { QueueRow } from '../../application/tasks/list-queue';
import type { ProcessSummary } from '../../application/processes/list-processes';
import type { FormVersion, FormVersionListItem, FormVersionSummary } from '../../domain/forms/form-version';
import { CASE_SECTIONS } from '../../domain/policies';
import { CaseConsent } from './case-work-schemas';
import { caseWords } from './case-words-schemas';
import { describes, instant } from './schema-kit';
import type { sessionView } from '../auth.routes';

export { describes, instant } from './schema-kit';

// A permission version may add sections, so the document names the shipped ones as examples only.
const section = z.string().describe(`A case section: ${CASE_SECTIONS.join(', ')}, or one added by configuration`);

const queueRow = describes<QueueRow>()(z.looseObject({
  id: z.string(), instanceKey: z.string(), processId: z.string(), processVersion: z.number().int(), elementId: z.string(),
  name: z.string(), candidateGroups: z.array(z.string()), candidateUsers: z.array(z.string()),
  assignee: z.string().optional(), assigneeName: z.string().optional(), dueDate: instant.optional(), followUpDate: instant.optional(),
  revision: z.number().int(), formId: z.string().optional(), priority: z.number(), caseId: z.string().optional(),
  caseName: z.string().optional(), team: z.string().optional(), state: z.enum(['open', 'completed', 'cancelled']),
  createdAt: instant, completedAt: instant.optional(), overdue: z.boolean(), processName: z.string().optional(),
}));

export const TaskQueuePage = {
  name: 'TaskQueuePage',
  schema: z.looseObject({ queue: z.string(), items: z.array(queueRow), total: z.number().int(), offset: z.number().int(), limit: z.number().int() }),
};

const caseSummary = z.looseObject({
  id: z.string(), displayName: z.string(), dateOfBirth: z.string(), team: z.string(), caseManagerId: z.string().optional(),
  status: z.enum(['open', 'closed']), pathway: z.string().optional(),
});

export const TaskPage = {
  name: 'TaskPage',
  schema: describes<TaskView>()(z.looseObject({
    task: queueRow,
    case: caseSummary.optional(),
    form: z.looseObject({ formId: z.string(), version: z.number().int(), schema: z.record(z.string(), z.unknown()) }).optional(),
    submission: z.looseObject({
      id: z.string(), formId: z.string(), version: z.number().int(), data: z.record(z.string(), z.unknown()).describe('The answers the reader may see'),
      submittedBy: z.string(), submittedAt: instant,
    }).optional(),
    unwritableSections: z.array(section),
    formVariables: z.record(z.string(), z.unknown()).optional(),
    documentPreviews: z.record(z.string(), z.array(z.looseObject({
      documentId: z.string(), name: z.string(), fileType: z.string(), size: z.number().int(), sizeLabel: z.string(), href: z.string(),
    }))).optional().describe('Per documentPreview, by its dataSource expression: the case documents it names that the reader may open'),
    actions: z.looseObject({ claim: z.boolean(), unclaim: z.boolean(), complete: z.boolean(), reassign: z.boolean() }),
  })),
};

const values = z.record(z.string(), z.unknown());
const valueSource = z.looseObject({
  at: instant, by: z.string(), submissionId: z.string().optional(), formId: z.string().optional(), formVersion: z.number().int().optional(),
  taskId: z.string().optional(), amendmentSeq: z.number().int(),
});
const sources = z.record(z.string(), valueSource).describe('Which submission or amendment set each value, by field key');
const sectionState = z.looseObject({
  values, revision: z.number().int(), updatedAt: instant, updatedBy: z.string(), sources,
  collections: z.record(z.string(), z.array(z.looseObject({ id: z.string(), label: z.string().optional(), values, sources }))).optional(),
  labels: z.looseObject({ fields: z.record(z.string(), z.string()).optional(), items: z.record(z.string(), z.record(z.string(), z.string())).optional() }).optional(),
});

export const CaseRecord = {
  name: 'CaseRecord',
  schema: describes<CaseView>()(caseSummary.extend({
    createdAt: instant, createdBy: z.string(),
    sections: z.record(z.string(), sectionState).describe('Readable sections only, by section name'),
    readableSections: z.array(section), withheldSections: z.array(section),
    submissions: z.array(z.looseObject({
      submissionId: z.string(), formId: z.string(), formVersion: z.number().int(), taskId: z.string().optional(), at: instant, by: z.string(), sections: z.array(section),
    })),
    consent: CaseConsent.schema.optional().describe('Consent standings and any restriction of processing, as GET /api/cases/{id}/consents answers'),
    words: caseWords.optional().describe('The record in words: the header, labelled values, names, what the reader may correct'),
  })),
};

const formSummary = z.looseObject({
  formId: z.string(), version: z.number().int(), contentHash: z.string(), deployedAt: instant, deployedBy: z.string(),
  source: z.enum(['file', 'api']), comment: z.string().optional(), title: z.string().optional(),
});

export const FormList = { name: 'FormList', schema: z.looseObject({ items: z.array(describes<FormVersionSummary>()(formSummary)) }) };

export const FormVersionList = {
  name: 'FormVersionList',
  schema: z.looseObject({ items: z.array(describes<FormVersionListItem>()(formSummary.extend({ deployedByName: z.string() }))) }),
};

export const Form = {
  name: 'Form',
  schema: describes<FormVersion>()(formSummary.extend({ schema: z.looseObject({ components: z.array(z.unknown()).optional() }) })),
};

const deployment = z.looseObject({
  processId: z.string(), version: z.number().int(), name: z.string().optional(), resourceName: z.string(), checksum: z.string(),
  deployedAt: instant, by: z.string().optional(), comment: z.string().optional(), activeInstances: z.number().int(),
});

export const ProcessList = {
  name: 'ProcessList',
  schema: z.looseObject({
    items: z.array(describes<ProcessSummary>()(z.looseObject({
      processId: z.string(), name: z.string().optional(), latest: deployment, versions: z.number().int(), activeInstances: z.number().int(),
    }))),
  }),
};

export const Session = {
  name: 'Session',
  schema: describes<ReturnType<typeof sessionView>>()(z.looseObject({
    user: z.looseObject({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), teams: z.array(z.string()) }),
    csrfToken: z.string(), actions: z.array(z.string()), readableSections: z.array(section), writableSections: z.array(section),
    words: z.strictObject({ roles: z.record(z.string(), z.string()), sections: z.record(z.string(), z.string()), teams: z.record(z.string(), z.string()) })
      .describe('Names for people of every role, case section and team (former teams too) in force, by key'),
  })),
};
