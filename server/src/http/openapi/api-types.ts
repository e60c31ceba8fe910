// The types of the API's answers and request bodies, inferred from the zod schemas the OpenAPI document is
// built from and the routes parse with. The web client imports these (type-only, so no zod reaches the
// bundle) instead of copying the shapes by hand: a schema change that a client page does not follow fails
// `tsc` (npm run typecheck), and a presenter change the schema does not follow fails in response-schemas.ts.
import type { z } from 'zod';
import type { amendBodySchema, createCaseBodySchema, reReferralBodySchema } from '../cases-request.schema';
import type { completeBodySchema, reassignBodySchema, savedFilterBodySchema } from '../tasks-request.schema';
import type { heldDecisionSchema } from '../integration-request.schema';
import type { HeldDecisionAnswer, HeldReferralList } from './integration.resources';
import type { DashboardPage, KpiReport, TimelinessReport } from './report-schemas';
import type { CaseRecord, FormList, ProcessList, Session, TaskPage, TaskQueuePage } from './response-schemas';

/** The named keys of O (a loose object's "any other key" signature left out). */
type Named<O> = keyof { [K in keyof O as string extends K ? never : K]: 0 };
/** A schema's answer with only the fields it names: a loose object's index signature is dropped (so reading
 * a field the schema does not name fails to compile), a record (no named keys) is kept as it is. */
type Fields<O> = O extends readonly (infer E)[] ? Fields<E>[]
  : O extends object ? ([Named<O>] extends [never] ? { [K in keyof O]: Fields<O[K]> } : { [K in keyof O as string extends K ? never : K]: Fields<O[K]> }) : O;
type Answer<R extends { schema: z.ZodType }> = Fields<z.output<R['schema']>>;

export type SessionBody = Answer<typeof Session>;
export type TaskQueuePageBody = Answer<typeof TaskQueuePage>;
export type QueueRowBody = TaskQueuePageBody['items'][number];
export type TaskPageBody = Answer<typeof TaskPage>;
export type CaseRecordBody = Answer<typeof CaseRecord>;
export type DashboardBody = Answer<typeof DashboardPage>;
export type TimelinessReportBody = Answer<typeof TimelinessReport>;
export type KpiReportBody = Answer<typeof KpiReport>;
export type FormListBody = Answer<typeof FormList>;
export type ProcessListBody = Answer<typeof ProcessList>;
export type HeldReferralListBody = Answer<typeof HeldReferralList>;
export type HeldDecisionAnswerBody = Answer<typeof HeldDecisionAnswer>;

export type CreateCaseRequest = z.input<typeof createCaseBodySchema>;
export type AmendRequest = z.input<typeof amendBodySchema>;
export type ReReferralRequest = z.input<typeof reReferralBodySchema>;
export type CompleteTaskRequest = z.input<typeof completeBodySchema>;
export type ReassignRequest = z.input<typeof reassignBodySchema>;
export type SavedFilterRequest = z.input<typeof savedFilterBodySchema>;
export type HeldDecisionRequest = z.input<typeof heldDecisionSchema>;
/** A saved filter as stored and listed (defaults filled in). */
export type SavedFilter = z.output<typeof savedFilterBodySchema>;
