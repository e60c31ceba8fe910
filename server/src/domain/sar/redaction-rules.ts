// Which parts of the gathered record are someone else's data (UK GDPR Art 15(4); DPA 2018 Sch 2 para 16):
// information about another person is withheld unless they consent or it is reasonable to disclose it
// without consent. The system cannot judge "reasonable", so it proposes: the child's own values are
// disclosed; items in the family and victims sections, and free text that names another person, are
// marked for the DPO to decide item by item, with the reason recorded.
export type RedactionDecision = 'disclose' | 'withhold';

export interface SarItem {
  /** Stable within one SAR: `<caseId>/<section>/<field or collection/itemId>`, `<caseId>/submission/<id>`… */
  id: string;
  caseId: string;
  kind: 'field' | 'item' | 'amendment' | 'submission' | 'task' | 'email' | 'access' | 'document';
  /** What people read: "Personal › Given name", "Victims › Victim 1". */
  label: string;
  value: unknown;
  section?: string;
}

export interface Proposal {
  decision: RedactionDecision | 'review';
  reason: string;
}

export interface DpoDecision {
  itemId: string;
  decision: RedactionDecision;
  reason: string;
  /** Who decided (set by the server, never taken from the request). */
  decidedBy?: string;
}

const THIRD_PARTY_SECTIONS = new Set(['family', 'victims']);
/** Capitalised word pairs ("Jane Smith") in free text: a cheap signal that another person is named. */
const NAME_PAIR = /\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b/g;

export function namesIn(text: string, subjectNames: readonly string[]): string[] {
  const own = new Set(subjectNames.map((n) => n.toLowerCase()));
  return [...new Set(text.match(NAME_PAIR) ?? [])].filter((pair) => !pair.split(/\s+/).some((w) => own.has(w.toLowerCase())));
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? JSON.stringify(v) : '');

/** `subjectNames`: the child's given, family and other names (their own name is not a third party). */
export function proposeRedaction(item: SarItem, subjectNames: readonly string[]): Proposal {
  if (item.section && THIRD_PARTY_SECTIONS.has(item.section)) {
    return { decision: 'review', reason: `Third-party data: held in the ${item.section} section, about another person` };
  }
  // A file's contents cannot be read here (a scan, a letter): the DPO opens it before it is sent.
  if (item.kind === 'document') return { decision: 'review', reason: 'A document: open it to check for other people\'s data before disclosing' };
  if (item.kind === 'email') return { decision: 'review', reason: 'Staff email: may name other people; check before disclosing' };
  const named = namesIn(textOf(item.value), subjectNames);
  if (named.length) return { decision: 'review', reason: `Free text names another person (${named.slice(0, 3).join(', ')})` };
  return { decision: 'disclose', reason: "The child's own data" };
}

/** What is finally disclosed: the DPO's decision where made; undecided reviews are withheld (safe default). */
export function finalDecision(proposal: Proposal, dpo: DpoDecision | undefined): { decision: RedactionDecision; reason: string; decidedByDpo: boolean } {
  if (dpo) return { decision: dpo.decision, reason: dpo.reason, decidedByDpo: true };
  if (proposal.decision === 'review') return { decision: 'withhold', reason: `${proposal.reason} (no decision recorded: withheld)`, decidedByDpo: false };
  return { decision: proposal.decision, reason: proposal.reason, decidedByDpo: false };
}

/** Checks the DPO's decisions: a known item, a decision, and a reason for each. Returns messages by item. */
export function checkDecisions(decisions: readonly DpoDecision[], known: ReadonlySet<string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of decisions) {
    if (!known.has(d.itemId)) errors[d.itemId] = 'No such item in this request';
    else if (d.decision !== 'disclose' && d.decision !== 'withhold') errors[d.itemId] = 'Choose disclose or withhold';
    else if (!d.reason?.trim()) errors[d.itemId] = 'Give the reason for the decision';
  }
  return errors;
}
