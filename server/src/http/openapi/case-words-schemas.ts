// The case record and its history in words (application/cases/present-case-words.ts, present-amendments.ts):
// the header's facts, every value with its label, people by name, forms by title, the fields a reader may
// correct, and each amendment's changes. Checked against the
// presenter's own type as response-schemas.ts does. A field's form component stays an open object (a form-js
// definition, as forms' schemas are).
import { z } from 'zod';
import type { AmendmentWords } from '../../application/cases/present-amendments';
import type { CaseWords } from '../../application/cases/present-case-words';
import { civilDate, describes, instant, option } from './schema-kit';

const value = z.looseObject({
  text: z.string(), date: civilDate.optional().describe('Shown as a date'), dateTime: instant.optional().describe('Shown as a date and time'),
});
const field = z.looseObject({
  key: z.string(), label: z.string(), value, source: z.looseObject({ at: instant, text: z.string(), taskId: z.string().optional() }).optional(),
});
const catalogueField = z.looseObject({
  key: z.string(), label: z.string(), type: z.string().describe('The form-js component type'),
  options: z.array(option).optional(),
  component: z.looseObject({}).describe('The form component, to check a correction with'), alternatives: z.array(z.looseObject({})).optional(),
});

export const caseWords = describes<CaseWords>()(z.looseObject({
  header: z.looseObject({
    name: z.string(), dateOfBirth: z.string(), reference: z.string(), team: z.string(), status: z.string(), pathway: z.string().optional(),
    allocatedWorker: z.string().optional(), openTaskCount: z.number().int(),
    openTasks: z.array(z.looseObject({ id: z.string(), name: z.string(), dueDate: instant.optional(), assignee: z.string().optional() })),
    banners: z.array(z.looseObject({ kind: z.enum(['legal-hold', 'reduced']), text: z.string(), since: z.string().optional() })),
    orders: z.array(z.looseObject({
      itemId: z.string(), label: z.string(), type: z.string().optional(), madeOn: civilDate.optional(), endDate: civilDate.optional(),
    })).describe('Current orders'),
    ratings: z.array(z.looseObject({ label: z.string(), value })).describe("The latest assessment's ratings"),
    reduced: z.looseObject({ reducedAt: instant, rule: z.string() }).optional(),
  }),
  sections: z.record(z.string(), z.looseObject({
    fields: z.array(field),
    collections: z.array(z.looseObject({ name: z.string(), title: z.string(), items: z.array(z.looseObject({ id: z.string(), label: z.string(), fields: z.array(field) })) })),
  })).describe('Readable sections, by section'),
  submissions: z.array(z.looseObject({
    submissionId: z.string(), formTitle: z.string(), taskId: z.string().optional(), at: instant, by: z.string(), sections: z.array(z.string()),
  })),
  correctable: z.record(z.string(), z.looseObject({ fields: z.array(catalogueField), items: z.record(z.string(), z.array(catalogueField)) }))
    .describe('Fields the reader may correct, by writable section'),
}));

/** One amendment of the case's history in words (application/cases/present-amendments.ts); the client puts
 * the sentence together. */
export const amendmentWords = describes<AmendmentWords>()(z.looseObject({
  section: z.string(), sectionLabel: z.string(), seq: z.number().int(), at: instant, by: z.string().describe('By name'),
  how: z.union([
    z.looseObject({ kind: z.literal('referral') }), z.looseObject({ kind: z.literal('manual'), reason: z.string() }),
    z.looseObject({ kind: z.literal('submission'), formTitle: z.string(), taskId: z.string().optional() }),
  ]),
  changes: z.array(z.looseObject({
    label: z.string(), item: z.string().optional(), collection: z.string().optional(), added: z.literal(true).optional(),
    previous: value.optional(), value: value.optional(),
  })),
}));
