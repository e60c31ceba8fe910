// Which retention class a case belongs to, from what the case record holds: its pathway, the orders
// and outcomes recorded in the offending section, and a sexual-offence marker. A case with several
// kinds of work is kept under the most demanding class (the longer rule first), so no record is deleted
// earlier than any of its parts allows.
import type { RecordClass } from './retention-rule';

/** The facts of a case retention needs, read with a projection (no section values beyond these). */
export interface CaseRetentionFacts {
  caseId: string;
  status: 'open' | 'closed';
  pathway?: string;
  dateOfBirth?: string;
  /** Identity keys, for holds on a person. */
  nameKey?: string;
  nhsNumber?: string;
  /** The closure form's date (plans.closureDate), for a closed case. */
  closedOn?: string;
  /** The newest change to any section, or the case's creation. */
  lastActivityOn?: string;
  openedOn?: string;
  /** Types of the items of offending.orders and offending.outcomes ("referral-order", "yro"…). */
  orderTypes: string[];
  sexualOffence: boolean;
  /**
   * The case records victims (the victims section's items or values). Victims' records have their own
   * rule; the case is kept until the later of its own class's date and the victim rule's.
   */
  victimRecords?: boolean;
  /** When the case was reduced to a basic record, if it was: it is not listed for reduction again. */
  reducedOn?: string;
}

const COURT_ORDERS = new Set(['yro', 'dto', 'detention-s250', 'extended-detention', 'detention-hmp']);
const OUT_OF_COURT = new Set(['out-of-court', 'prevention']);

export function classifyCase(facts: CaseRetentionFacts): RecordClass {
  if (facts.sexualOffence) return 'sexual-offence';
  if (facts.orderTypes.some((t) => COURT_ORDERS.has(t))) return 'court-order';
  if (facts.orderTypes.includes('referral-order')) return 'referral-order';
  if (facts.pathway === 'court-order') return 'court-order'; // allocated to court work, order not yet recorded
  if (facts.pathway === 'victim') return 'victim-record';
  if (facts.pathway && OUT_OF_COURT.has(facts.pathway)) return 'out-of-court-or-prevention';
  if (facts.pathway && facts.pathway !== 'assessment') return 'out-of-court-or-prevention';
  return 'unsuccessful-referral';
}

/**
 * Every class whose rule applies to the case: its own class, and the victim records' class when it records
 * victims. The retention review keeps the case under whichever of them ends latest (retention-dry-run.ts),
 * so victims' details are never erased (or reduced away) before their own rule allows.
 */
export function applicableClasses(facts: CaseRetentionFacts): RecordClass[] {
  const own = classifyCase(facts);
  return facts.victimRecords && own !== 'victim-record' ? [own, 'victim-record'] : [own];
}
