// The return's records for a quarter from the case records: a child is in the return when an item of the
// layout's item records (an outcome or order) is dated in the quarter; the child's record holds those items'
// records. A record that cannot be completed is left out of the file and listed with why, field by field:
// an item record alone, a child's record with its items (the return has no child without a complete record).
import type { CaseRecord } from '../cases/case-record';
import { defaultItemLabel, type CollectionItem } from '../cases/case-collections';
import type { LayoutRecord, ReturnLayout } from './return-layout';
import type { Quarter } from './return-quarter';
import { civilDateOf, fieldValue, itemDateOf, type ValueContext } from './return-values';

export interface BuiltRecord {
  element: string;
  values: { element: string; value: string }[];
  children: BuiltRecord[];
}

/** One reason a record cannot be completed. Names are added per reader (the case's team decides who may see them). */
export interface ReturnProblem {
  caseId: string;
  team: string;
  /** "Child", or the item's label: "Outcome 2". */
  record: string;
  reason: string;
  /** The value recorded that the layout does not accept (shown only to readers who may see the case). */
  value?: string;
}

export interface BuiltReturn {
  children: BuiltRecord[];
  problems: ReturnProblem[];
  counts: { children: number; records: number; leftOut: number };
  /** Every case whose data is in the file (the disclosure's subjects). */
  caseIds: string[];
}

export type ReturnCase = Pick<CaseRecord, 'id' | 'team' | 'sections' | 'createdAt'> & {
  /** Form id → the answers of the case's latest submission of it (the forms the layout reads). */
  submissions?: Record<string, Record<string, unknown>>;
};

interface Placed { item: CollectionItem; label: string; date?: string }

function itemsOf(rec: LayoutRecord, c: ReturnCase): Placed[] {
  const section = c.sections[rec.section!];
  return (rec.collections ?? []).flatMap((name) => (section?.collections?.[name] ?? []).map((item, i) => ({
    item, label: item.label ?? defaultItemLabel(name, i + 1), date: itemDateOf(item, rec.dateFields ?? []),
  }))).filter(({ item }) => !(rec.excludeWhen && rec.excludeWhen.in.includes(String(item.values[rec.excludeWhen.field] ?? ''))));
}

/** A record's values, or the reasons it cannot be completed. */
function fill(rec: LayoutRecord, ctx: ValueContext, problem: (reason: string, value?: string) => void): BuiltRecord['values'] | undefined {
  const values: BuiltRecord['values'] = [];
  let complete = true;
  for (const field of rec.fields) {
    const out = fieldValue(field, ctx);
    if ('value' in out) values.push({ element: field.element, value: out.value });
    else if ('problem' in out) {
      complete = false;
      problem(out.problem, out.shown);
    }
  }
  return complete ? values : undefined;
}

/** An empty return, to which cases are added one at a time (addCase) in the order of their ids. */
export const emptyReturn = (): BuiltReturn => ({ children: [], problems: [], counts: { children: 0, records: 0, leftOut: 0 }, caseIds: [] });

/** Adds one case's records and problems to `out` (a generation reads cases one by one and keeps none). */
export function addCase(out: BuiltReturn, layout: ReturnLayout, quarter: Quarter, c: ReturnCase): void {
  const caseRec = layout.records.find((r) => r.per === 'case')!;
  const itemRecs = layout.records.filter((r) => r.per === 'item');
  const inQuarter = (d?: string) => !!d && d >= quarter.start && d <= quarter.end;

  const perRecord = itemRecs.map((rec) => ({ rec, items: itemsOf(rec, c) }));
  const dated = perRecord.flatMap(({ rec, items }) => items.filter((p) => inQuarter(p.date)).map((p) => ({ rec, ...p })));
  const createdInQuarter = inQuarter(civilDateOf(c.createdAt));
  if (!dated.length && !createdInQuarter) return;
  const problem = (record: string) => (reason: string, value?: string) => out.problems.push({ caseId: c.id, team: c.team, record, reason, ...(value !== undefined ? { value } : {}) });

  // Undated items of a child in the return (or referred this quarter) may belong to it: the officer is told.
  for (const { rec, items } of perRecord) {
    for (const p of items.filter((i) => !i.date)) problem(p.label)(`${rec.label} has no date, so it is in no quarter's return`);
  }
  if (!dated.length) return;

  const children: BuiltRecord[] = [];
  for (const { rec, item, label } of dated.sort((a, b) => a.date!.localeCompare(b.date!) || a.item.id.localeCompare(b.item.id))) {
    const values = fill(rec, { record: c, layoutRecord: rec, item }, problem(label));
    if (values) children.push({ element: rec.element, values, children: [] });
    else out.counts.leftOut += 1;
  }
  const values = fill(caseRec, { record: c, layoutRecord: caseRec }, problem(caseRec.label));
  if (!values) {
    out.counts.leftOut += 1 + children.length;
    return;
  }
  if (!children.length) {
    out.counts.leftOut += 1;
    problem(caseRec.label)(`${caseRec.label} is left out: none of their records in the quarter could be completed`);
    return;
  }
  out.children.push({ element: caseRec.element, values, children });
  out.caseIds.push(c.id);
  out.counts.children += 1;
  out.counts.records += 1 + children.length;
}
