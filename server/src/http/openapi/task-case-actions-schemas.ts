// Response schemas of acting on tasks (claim, release, reassign, complete, saved filters) and of the case
// reads beside the record (the cases list and search, amendment history, likely duplicates, a re-referral), checked against the use
// cases' own types as response-schemas.ts does. The history in words is case-words-schemas.ts's.
import { z } from 'zod';
import type { DuplicateMatch } from '../../application/cases/find-duplicates';
import type { listCaseAmendments } from '../../application/cases/list-case-amendments';
import type { ReReferral } from '../../application/cases/re-refer-case';
import type { CaseSearchResult } from '../../application/cases/search-cases';
import { RATINGS } from '../../domain/cases/case-search-row';
import type { CompleteTaskResult } from '../../application/tasks/complete-task';
import type { NextTask } from '../../application/tasks/next-task-of-case';
import type { SavedTaskFilter } from '../../application/tasks/save-task-filter';
import { QUEUE_SORT_FIELDS, QUEUES } from '../../domain/tasks/queues';
import type { QueueTask } from '../../domain/tasks/queue-task';
import { filtersShape } from '../tasks-request.schema';
import { amendmentWords } from './case-words-schemas';
import { Submission } from './forms-schemas';
import { TaskQueuePage } from './response-schemas';
import { describes, instant, option } from './schema-kit';

/** A task as stored: a queue row without what the queue adds (names, overdue). */
export const TaskAnswer = {
  name: 'Task',
  schema: describes<QueueTask>()(TaskQueuePage.schema.shape.items.element.omit({ assigneeName: true, caseName: true, overdue: true, processName: true })),
};

export const TaskCompleted = {
  name: 'TaskCompleted',
  schema: describes<CompleteTaskResult & { next?: NextTask }>()(z.looseObject({
    submission: Submission.schema, amendedSections: z.array(z.string()), repeated: z.boolean().describe('true: it was completed before by you (a retry)'),
    next: z.looseObject({ id: z.string(), name: z.string(), caseId: z.string(), caseName: z.string().optional() }).optional()
      .describe("The case's next task for you, when there is one"),
  })),
};

const savedFilter = describes<SavedTaskFilter>()(z.looseObject({
  ownerId: z.string(), name: z.string(), queue: z.enum(QUEUES), filters: z.looseObject(filtersShape),
  sort: z.looseObject({ field: z.enum(QUEUE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).optional(), savedAt: instant,
}));
export const SavedFilterAnswer = { name: 'SavedFilter', schema: savedFilter };
export const SavedFilterList = { name: 'SavedFilterList', schema: z.looseObject({ items: z.array(savedFilter) }) };

const values = z.record(z.string(), z.unknown());
export const AmendmentList = {
  name: 'AmendmentList',
  schema: describes<Awaited<ReturnType<typeof listCaseAmendments>>>()(z.looseObject({
    items: z.array(z.looseObject({
      caseId: z.string(), section: z.string(), seq: z.number().int(), at: instant, by: z.string(),
      source: z.discriminatedUnion('kind', [
        z.looseObject({ kind: z.literal('referral') }),
        z.looseObject({ kind: z.literal('manual'), reason: z.string() }),
        z.looseObject({ kind: z.literal('submission'), submissionId: z.string(), formId: z.string(), formVersion: z.number().int(), taskId: z.string().optional() }),
      ]),
      changes: z.array(z.looseObject({
        field: z.string(), previous: z.unknown().optional(), value: z.unknown().optional(), collection: z.string().optional(), item: z.string().optional(),
        itemLabel: z.string().optional(), added: z.literal(true).optional(),
      })),
      after: values.describe("The section's values after it"),
      afterCollections: z.record(z.string(), z.array(z.unknown())).optional(),
    })),
    withheldSections: z.array(z.string()),
    words: z.array(amendmentWords).optional().describe('The history in words: labels, option labels, names'),
  })),
};

export const DuplicateList = {
  name: 'DuplicateList',
  schema: z.looseObject({
    items: z.array(describes<DuplicateMatch>()(z.looseObject({
      reasons: z.array(z.enum(['name-and-date-of-birth', 'nhs-number'])), caseId: z.string().optional().describe('Present when you may open the case'),
      displayName: z.string().optional(), dateOfBirth: z.string().optional(), team: z.string(),
      breakGlassId: z.string().optional().describe("Another team's record, for a role that may open it with a reason"),
    }))),
  }),
};

export const ReReferralAnswer = {
  name: 'ReReferral',
  schema: describes<ReReferral>()(z.looseObject({ caseId: z.string(), processId: z.string(), referralReceivedAt: instant })),
};

const rating = z.enum(RATINGS);
export const CaseSearchPage = {
  name: 'CaseSearchPage',
  schema: describes<CaseSearchResult>()(z.looseObject({
    items: z.array(z.looseObject({
      id: z.string(), displayName: z.string(), dateOfBirth: z.string(), team: z.string(), status: z.enum(['open', 'closed']), pathway: z.string().optional(),
      pathwayLabel: z.string().optional(), caseManagerId: z.string().optional(), caseManagerName: z.string().optional(), openedAt: instant,
      aliases: z.array(z.string()).optional().describe('Only for readers of the personal section'),
      rosh: rating.optional(), safetyWellbeing: rating.optional().describe('Only for readers of the assessments section'),
      disposals: z.array(z.string()).optional().describe('In words, for readers of the offending section'),
    })),
    total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
    elsewhere: z.array(z.looseObject({ id: z.string(), team: z.string() })).describe("Other teams' records that match: that one exists and whose it is"),
    elsewhereMore: z.boolean(), workers: z.array(z.looseObject({ id: z.string(), name: z.string() })), pathways: z.array(option),
    disposals: z.array(option), canBreakGlass: z.boolean(), ratingsShown: z.boolean(),
  })),
};
