// The dry run of a retention review: for every case, its class, rule and due date; what is due is listed
// with why (rule and dates) and what is held is listed as held and kept. A rule with "reduce to a basic
// record after N years" lists the case for reduction between that date and its deletion date, once: a
// case already reduced is not listed again, and is listed for erasure when that falls due. Pure: the reader supplies the
// facts of every case, the holds in force and today's date. Nothing is deleted here.
import { applicableClasses, type CaseRetentionFacts } from './record-class';
import { type DueDate, isDue, retentionDueDate } from './retention-due-date';
import { type LegalHold, holdCovers, isHoldActive } from './legal-hold';
import { RECORD_CLASS_LABELS, type RetentionSchedule } from './retention-rule';

export interface DryRunItem {
  caseId: string;
  /** Full erasure, or reduction to a basic record (basic-record.ts). */
  action: 'erase' | 'reduce';
  recordClass: string;
  ruleId: string;
  code: string;
  anchor: string;
  anchorOn: string;
  dueOn: string;
  /** When the rule reduces the case to a basic record, if it does. */
  basicRecordOn?: string;
  /** Holds that keep the case; empty when it may be erased once approved. */
  holds: { id: string; scope: LegalHold['scope']; reason: string }[];
  /** The line a data officer reads. */
  text: string;
}

export interface DryRunResult {
  today: string;
  scheduleVersion: number;
  checked: number;
  /** Due for erasure. */
  due: DryRunItem[];
  /** Due for reduction to a basic record (not yet for erasure). */
  reduce: DryRunItem[];
  /** Due for either, but held: kept as they are. */
  held: DryRunItem[];
  /** Cases whose class has no rule: kept, and named so the schedule can be completed. */
  unruled: string[];
}

export function retentionDryRun(
  cases: Iterable<CaseRetentionFacts>, schedule: RetentionSchedule, holds: readonly LegalHold[], today: string,
): DryRunResult {
  const active = holds.filter((h) => isHoldActive(h, today));
  const byClass = new Map(schedule.rules.map((r) => [r.recordClass, r]));
  const result: DryRunResult = { today, scheduleVersion: schedule.version, checked: 0, due: [], reduce: [], held: [], unruled: [] };
  for (const facts of cases) {
    result.checked++;
    const governing = governingRule(facts, byClass);
    if (!governing) { result.unruled.push(facts.caseId); continue; }
    const { recordClass, rule, due } = governing;
    if (due.kind !== 'dated') continue;
    const action = isDue(due, today) ? 'erase' : 'reduce';
    if (action === 'reduce' && (!due.basicRecordOn || due.basicRecordOn > today || facts.reducedOn)) continue;
    const covering = active.filter((h) => holdCovers(h, facts)).map((h) => ({ id: h.id, scope: h.scope, reason: h.reason }));
    const classLabel = RECORD_CLASS_LABELS[recordClass];
    const dates = action === 'reduce' ? `basic record due on ${due.basicRecordOn}, deletion due on ${due.dueOn}` : `due on ${due.dueOn}`;
    const why = `${classLabel}: rule ${rule.id} (${due.code}) counts from ${due.anchor}, ${due.anchorOn}; ${dates}`;
    const item: DryRunItem = {
      caseId: facts.caseId, action, recordClass, ruleId: rule.id, code: due.code, anchor: due.anchor, anchorOn: due.anchorOn, dueOn: due.dueOn,
      ...(due.basicRecordOn ? { basicRecordOn: due.basicRecordOn } : {}),
      holds: covering,
      text: covering.length
        ? `Case ${facts.caseId} — HELD AND KEPT (${covering.map((h) => `${h.scope} hold: ${h.reason}`).join('; ')}). ${why}`
        : `Case ${facts.caseId} — ${action === 'reduce' ? 'to be reduced to a basic record' : 'to be erased'}. ${why}`,
    };
    (covering.length ? result.held : action === 'reduce' ? result.reduce : result.due).push(item);
  }
  return result;
}

type RuleOf = Map<string, RetentionSchedule['rules'][number]>;

/**
 * The class and rule the case is kept under: of the classes that apply, the one whose deletion falls last.
 * A class whose date cannot be set yet (an open case) keeps the case; a class without a rule is ignored
 * when another applies (and the case is unruled when none has one).
 */
function governingRule(facts: CaseRetentionFacts, byClass: RuleOf) {
  const candidates = applicableClasses(facts)
    .map((recordClass) => ({ recordClass, rule: byClass.get(recordClass) }))
    .filter((c): c is { recordClass: typeof c.recordClass; rule: NonNullable<typeof c.rule> } => !!c.rule)
    .map((c) => ({ ...c, due: retentionDueDate(c.rule, facts) as DueDate }));
  const undated = candidates.find((c) => c.due.kind !== 'dated');
  if (undated) return undated;
  const dueOn = (d: DueDate) => (d.kind === 'dated' ? d.dueOn : '');
  // Stable: on equal dates the case's own class (first) stays.
  return candidates.reduce<(typeof candidates)[number] | undefined>((best, c) => (!best || dueOn(c.due) > dueOn(best.due) ? c : best), undefined);
}

/** The whole list in words, for the approval form. */
export function dryRunText(r: DryRunResult): string {
  const head = `Retention review of ${r.today} under schedule version ${r.scheduleVersion}: ${r.checked} cases checked, ${r.due.length} due for erasure, ${r.reduce.length} due for reduction to a basic record, ${r.held.length} due but held.`;
  const lines = [...r.due, ...r.reduce, ...r.held].map((i) => `- ${i.text}`);
  const unruled = r.unruled.length ? [`- ${r.unruled.length} cases have a record class without a rule and are kept: ${r.unruled.slice(0, 20).join(', ')}${r.unruled.length > 20 ? '…' : ''}`] : [];
  return [head, ...lines, ...unruled].join('\n');
}
