// Response schemas of the work on a case beside its record: the contacts log and recording a contact, the
// processes a person may start on it and starting one, its allocation, and consent and any restriction of
// processing. Checked against the use cases' own types as
// response-schemas.ts does; a form-js definition stays opaque here, as in `Form`.
import { z } from 'zod';
import type { ContactLog, ContactView } from '../../application/cases/list-case-contacts';
import type { listStartableProcesses } from '../../application/cases/list-startable-processes';
import type { AllocationView } from '../../application/cases/reallocate-case';
import type { RecordedContact } from '../../application/cases/record-contact';
import type { StartedProcess } from '../../application/cases/start-case-process';
import type { CaseConsentView } from '../../application/consent/get-case-consent';
import type { withdrawConsent } from '../../application/consent/withdraw-consent';
import type { CaseRestriction } from '../../domain/consent/case-restriction';
import { CONSENT_GIVERS, CONSENT_PURPOSES, type ConsentRecord } from '../../domain/consent/consent-record';
import { civilDate, describes, instant, option } from './schema-kit';

const formDefinition = z.looseObject({ components: z.array(z.unknown()).optional() }).describe('A form-js definition');

const contact = describes<ContactView>()(z.looseObject({
  id: z.string(), date: z.string().optional().describe('YYYY-MM-DD, as recorded'), time: z.string().optional(), type: z.string().optional(),
  withWhom: z.string().optional(), purpose: z.string().optional(), outcome: z.string().optional().describe('In words: "Did not attend: unacceptable absence"'),
  outcomeKind: z.enum(['attended', 'acceptable', 'unacceptable', 'other']), absenceReason: z.string().optional(), notes: z.string().optional(),
  recordedBy: z.string().optional().describe('Who recorded it, by name'), recordedAt: instant.optional(),
}));

export const ContactLogAnswer = {
  name: 'ContactLog',
  schema: describes<ContactLog>()(z.looseObject({
    items: z.array(contact), form: formDefinition.optional().describe('The form a new contact is recorded with, for those who may record one'),
  })),
};

export const RecordedContactAnswer = {
  name: 'RecordedContact',
  schema: describes<RecordedContact>()(z.looseObject({
    contactId: z.string(), repeated: z.boolean().describe('true: this key was saved before, nothing new was written (200)'),
    compliance: z.looseObject({ started: z.boolean(), alreadyStarted: z.boolean(), message: z.string() }).optional()
      .describe('For an unacceptable absence: whether the compliance and breach follow-up started now or already had'),
  })),
};

export const StartableProcesses = {
  name: 'StartableProcesses',
  schema: describes<Awaited<ReturnType<typeof listStartableProcesses>>>()(z.looseObject({
    items: z.array(z.looseObject({ processId: z.string(), name: z.string(), startEventName: z.string().optional(), form: formDefinition })),
    variables: z.looseObject({ caseOrders: z.array(option), caseVictims: z.array(option).optional() })
      .describe("The case's orders (and victims, for readers of that section) a start form offers"),
  })),
};

export const StartedProcessAnswer = {
  name: 'StartedProcess',
  schema: describes<StartedProcess>()(z.looseObject({
    instanceKey: z.string(), processId: z.string(), version: z.number().int(),
    firstTask: z.looseObject({ id: z.string(), name: z.string(), candidateGroups: z.array(z.string()), forYou: z.boolean() }).optional()
      .describe('The first open task of the new instance, when it waits at one'),
  })),
};

const allocation = describes<AllocationView>()(z.looseObject({
  caseId: z.string(), team: z.string(), current: z.looseObject({ id: z.string(), name: z.string() }).optional().describe('The allocated worker'),
  options: z.array(option).describe("The team's active case managers, by name"), mayChange: z.boolean(),
}));
export const AllocationAnswer = { name: 'Allocation', schema: allocation };
export const Reallocated = {
  name: 'Reallocated',
  schema: describes<AllocationView & { reassignedTasks: number }>()(allocation.extend({
    reassignedTasks: z.number().int().describe("The case's open tasks that went to the new worker"),
  })),
};

const giver = z.enum(CONSENT_GIVERS);
const purpose = z.enum(CONSENT_PURPOSES);
const consentRecord = describes<ConsentRecord>()(z.looseObject({
  id: z.string(), caseId: z.string(), purpose, subject: z.string().optional().describe("The victim's item id, or the agency's name"),
  basis: z.literal('consent'), givenBy: giver, givenOn: civilDate, evidence: z.string(), privacyNoticeVersion: z.string(), recordedBy: z.string(),
  recordedAt: instant,
  withdrawal: z.looseObject({ at: instant, by: giver, recordedBy: z.string(), reason: z.string().optional() }).optional(),
}));
const restriction = describes<CaseRestriction>()(z.looseObject({
  caseId: z.string(), active: z.boolean(), reason: z.string(), setBy: z.string(), setAt: instant,
  liftedBy: z.string().optional(), liftedAt: instant.optional(), liftReason: z.string().optional(),
}));

export const CaseConsent = {
  name: 'CaseConsent',
  schema: describes<CaseConsentView>()(z.looseObject({
    records: z.array(consentRecord),
    standings: z.array(z.looseObject({
      purpose, subject: z.string().optional(), status: z.enum(['given', 'withdrawn']), givenOn: civilDate, withdrawnAt: instant.optional(), recordId: z.string(),
    })),
    restriction: restriction.optional().describe('Set while processing is restricted (UK GDPR Art 18)'),
  })),
};
export const ConsentRecordAnswer = { name: 'ConsentRecord', schema: consentRecord };
export const ConsentWithdrawn = {
  name: 'ConsentWithdrawn',
  schema: describes<Awaited<ReturnType<typeof withdrawConsent>>>()(z.looseObject({
    record: consentRecord,
    messagePublished: z.looseObject({ name: z.string(), correlated: z.boolean(), failed: z.literal(true).optional() }).optional()
      .describe('The message that stopped the work the consent covered, when one was sent'),
  })),
};
export const RestrictionAnswer = { name: 'Restriction', schema: restriction };
