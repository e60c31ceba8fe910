// Reads the facts of cases retention needs in one pass over the cases collection with a projection: no
// per-case query, no $lookup (FerretDB 1.24's subset). Only dates, status, pathway, identity keys and the
// types of orders and outcomes leave the database; section values the review does not need stay there.
import type { Connection } from 'mongoose';
import { CASE_SECTIONS } from '../../domain/policies/permission-table';
import { type CaseRetentionFacts, civilDate } from '../../domain/retention';
import type { RetentionCaseReader } from '../../ports/retention-repository.port';

type Item = { values?: Record<string, unknown> };
type Section = { updatedAt?: string; values?: Record<string, unknown>; collections?: Record<string, Item[]> };
type CaseDoc = {
  _id: string; status?: string; pathway?: string; createdAt?: string;
  identity?: { nameKey?: string; dateOfBirth?: string; nhsNumber?: string };
  sections?: Record<string, Section | undefined>;
  reduction?: { reducedAt?: string };
};

const PROJECTION: Record<string, 1> = {
  status: 1, pathway: 1, createdAt: 1, 'identity.nameKey': 1, 'identity.dateOfBirth': 1, 'identity.nhsNumber': 1,
  'sections.plans.values.closureDate': 1,
  'reduction.reducedAt': 1,
  'sections.offending.values.pathway': 1,
  'sections.offending.values.sexualOffence': 1,
  'sections.offending.collections.orders': 1,
  'sections.offending.collections.outcomes': 1,
  'sections.offending.collections.offences': 1,
  'sections.victims.collections.victims': 1,
  ...Object.fromEntries(CASE_SECTIONS.map((s) => [`sections.${s}.updatedAt`, 1 as const])),
};

const isYes = (v: unknown) => v === true || v === 'yes';

export function toRetentionFacts(doc: CaseDoc): CaseRetentionFacts {
  const sections = doc.sections ?? {};
  const offending = sections.offending;
  const items = (name: string) => offending?.collections?.[name] ?? [];
  const orderTypes = [...items('orders'), ...items('outcomes')]
    .map((i) => i.values?.type).filter((t): t is string => typeof t === 'string');
  const updated = Object.values(sections).map((s) => s?.updatedAt).filter((d): d is string => typeof d === 'string');
  const lastActivity = [doc.createdAt, ...updated].filter((d): d is string => !!d).sort().pop();
  const pathway = doc.pathway ?? (typeof offending?.values?.pathway === 'string' ? offending.values.pathway : undefined);
  const id = doc.identity ?? {};
  return {
    caseId: doc._id,
    status: doc.status === 'closed' ? 'closed' : 'open',
    ...(pathway ? { pathway } : {}),
    ...(civilDate(id.dateOfBirth) ? { dateOfBirth: civilDate(id.dateOfBirth) } : {}),
    ...(id.nameKey ? { nameKey: id.nameKey } : {}),
    ...(id.nhsNumber ? { nhsNumber: id.nhsNumber } : {}),
    ...(civilDate(sections.plans?.values?.closureDate) ? { closedOn: civilDate(sections.plans?.values?.closureDate) } : {}),
    ...(civilDate(lastActivity) ? { lastActivityOn: civilDate(lastActivity) } : {}),
    ...(civilDate(doc.createdAt) ? { openedOn: civilDate(doc.createdAt) } : {}),
    orderTypes,
    victimRecords: (sections.victims?.collections?.victims?.length ?? 0) > 0,
    sexualOffence: isYes(offending?.values?.sexualOffence) || [...items('offences'), ...items('orders')].some((i) => isYes(i.values?.sexualOffence)),
    ...(civilDate(doc.reduction?.reducedAt) ? { reducedOn: civilDate(doc.reduction?.reducedAt) } : {}),
  };
}

export class MongoRetentionCaseReader implements RetentionCaseReader {
  constructor(private readonly conn: Connection) {}

  async *allCaseFacts(): AsyncIterable<CaseRetentionFacts> {
    const cursor = this.conn.collection<CaseDoc>('cases').find({}, { projection: PROJECTION, batchSize: 1000 });
    for await (const doc of cursor) yield toRetentionFacts(doc as CaseDoc);
  }

  async caseFacts(caseId: string): Promise<CaseRetentionFacts | undefined> {
    const doc = await this.conn.collection<CaseDoc>('cases').findOne({ _id: caseId }, { projection: PROJECTION });
    return doc ? toRetentionFacts(doc as CaseDoc) : undefined;
  }
}
