// A case's KPI facts summed up per London month (the month of each fact's day): what the month adds to each
// cohort, in a form that months combine into any period of whole months. So the KPI projection can keep,
// per month, one small summary per case (report_kpi_months) and a report reads its period's months by _id
// instead of the facts (FerretDB 1.24 decodes every document of any other filter). Combining is where the
// period's rules live: the latest end in the period, the first sentence (a court's before a custodial
// order's), custody or a serious violent offence in any month, a victim in the month of their first contact
// with the answers known by the period's end. Pure.
import type { KpiFact } from './kpi-fact';
import { CUSTODIAL, SERIOUS_VIOLENCE_CATEGORIES, SERIOUS_VIOLENCE_GRAVITY } from './kpi-sources';
import { END_FORMS, endedChild, inOrder, num, str, teamOf, yn, type CaseMembers, type EndedChild, type Period, type YesNo } from './kpi-cohorts';

type Team = string | null;

export interface KpiCaseMonth {
  /** Teams of the facts dated in the month (the teams a service-wide reader may choose from). */
  teams: string[];
  /** The child whose order ended with the month's latest end. */
  ended?: EndedChild;
  /** The month's latest out-of-court exit, and latest closure (its "out-of-court disposal completed" answer). */
  oocdExit?: { team: Team; completed: YesNo };
  closure?: { team: Team; completed: YesNo };
  /** The month's first sentence by a court, and first custodial order. */
  sentence?: { team: Team };
  custodial?: { team: Team };
  custody?: true;
  /** A sentence with an offence category and gravity; one for a serious violent offence. */
  graded?: true;
  serious?: true;
  courtFirst?: { on: string; team: Team };
  policeFirst?: { on: string; team: Team };
  /** Victims first contacted in the month: every contact's day and answers, the first restorative justice's day. */
  victims?: { team: Team; contacts: [on: string, consent: YesNo, rj: boolean][]; engagedOn?: string }[];
}

const POLICE_FIRSTS = ['youth-caution', 'youth-conditional-caution'];

/** The month summaries of one case, from every fact of the case (any order). */
export function caseMonths(facts: readonly KpiFact[]): Map<string, KpiCaseMonth> {
  const sorted = inOrder(facts);
  const out = new Map<string, KpiCaseMonth>();
  const monthOf = (f: KpiFact) => {
    const m = f.on.slice(0, 7);
    return out.get(m) ?? out.set(m, { teams: [] }).get(m)!;
  };
  const ends = new Map<KpiCaseMonth, KpiFact>();
  for (const f of sorted) {
    const m = monthOf(f);
    const team = teamOf(f);
    if (f.team && !m.teams.includes(f.team)) m.teams.push(f.team);
    if (END_FORMS.has(f.formId)) ends.set(m, f);
    if (f.formId === 'oocd-exit') m.oocdExit = { team, completed: yn(str(f, 'disposalEnd.completed')) };
    if (f.formId === 'case-closure-end-data') m.closure = { team, completed: yn(str(f, 'oocdCompletedAtEnd')) };
    if (f.formId === 'custody-sentence') {
      m.custodial ??= { team };
      m.custody = true;
    }
    if (f.formId === 'court-outcome' && str(f, 'hearing.result') === 'sentenced') {
      m.sentence ??= { team };
      if (CUSTODIAL.has(str(f, 'outcome.type') ?? '')) m.custody = true;
      const category = str(f, 'outcome.offenceCategory');
      const gravity = num(f, 'outcome.offenceGravity');
      if (category && gravity !== undefined) {
        m.graded = true;
        if (SERIOUS_VIOLENCE_CATEGORIES.has(category) && gravity >= SERIOUS_VIOLENCE_GRAVITY) m.serious = true;
      }
      if (str(f, 'outcome.firstCautionOrConviction') === 'yes') m.courtFirst ??= { on: f.on, team };
    }
    if (f.formId === 'oocd-police-decision' && POLICE_FIRSTS.includes(str(f, 'policeDecision.type') ?? '')
      && str(f, 'policeDecision.firstCautionOrConviction') === 'yes') m.policeFirst ??= { on: f.on, team };
  }
  for (const [m, end] of ends) m.ended = endedChild(end, sorted);

  // A victim belongs to the month of their first contact, whatever is recorded later.
  const contacts = new Map<string, KpiFact[]>();
  for (const f of sorted) {
    const id = f.formId === 'victim-initial-contact' ? str(f, 'victimContact.id') : undefined;
    if (id) contacts.set(id, [...(contacts.get(id) ?? []), f]);
  }
  const rj = sorted.filter((f) => f.formId === 'victim-rj-activity');
  for (const [id, all] of contacts) {
    const engagedOn = rj.find((f) => str(f, 'victimRj.id') === id)?.on;
    (monthOf(all[0]).victims ??= []).push({
      team: teamOf(all[0]),
      contacts: all.map((c) => [c.on, yn(str(c, 'victimContact.contactConsent')), str(c, 'victimContact.rjConsent') === 'consents']),
      ...(engagedOn ? { engagedOn } : {}),
    });
  }
  return out;
}

/** The members one case adds to each cohort over the months of a period (its summaries in month order). */
export function membersOf(months: readonly KpiCaseMonth[], toDay: string): CaseMembers {
  // One pass (a year's report runs this for every case): the latest end and exits, the first sentence and
  // first entries, custody or a serious violent offence in any month.
  let ended: KpiCaseMonth['ended'];
  let exit: KpiCaseMonth['oocdExit'];
  let closure: KpiCaseMonth['closure'];
  let sentence: KpiCaseMonth['sentence'];
  let custodial: KpiCaseMonth['custodial'];
  let court: KpiCaseMonth['courtFirst'];
  let police: KpiCaseMonth['policeFirst'];
  let custody = false;
  let graded = false;
  let serious = false;
  const out: CaseMembers = { victims: [] };
  for (const m of months) {
    ended = m.ended ?? ended;
    exit = m.oocdExit ?? exit;
    closure = m.closure ?? closure;
    sentence ??= m.sentence;
    custodial ??= m.custodial;
    court ??= m.courtFirst;
    police ??= m.policeFirst;
    custody ||= !!m.custody;
    graded ||= !!m.graded;
    serious ||= !!m.serious;
    for (const v of m.victims ?? []) {
      const known = v.contacts.filter(([on]) => on <= toDay).at(-1)!;
      const consent = known[1];
      out.victims.push({ team: v.team, consent, rjConsent: consent === 'yes' && known[2], engaged: consent === 'yes' && !!v.engagedOn && v.engagedOn <= toDay });
    }
  }
  if (ended) out.ended = ended;
  if (exit) out.oocd = exit;
  else if (closure?.completed) out.oocd = closure;
  // A court's sentence in any month of the period before a custodial order's.
  const sentencedBy = sentence ?? custodial;
  if (sentencedBy) out.sentenced = { team: sentencedBy.team, custody, ...(graded ? { seriousViolence: serious } : {}) };
  // The earlier of the two; on the same day, the court's.
  if (court && (!police || court.on <= police.on)) out.firstEntrant = { team: court.team, by: 'court' };
  else if (police) out.firstEntrant = { team: police.team, by: 'police' };
  return out;
}

/** The members a case adds to each cohort in a period of whole months. `facts`: every fact of the one case. */
export function caseMembers(facts: readonly KpiFact[], period: Period): CaseMembers {
  const [from, to] = [period.fromDay.slice(0, 7), period.toDay.slice(0, 7)];
  const months = [...caseMonths(facts)].filter(([m]) => m >= from && m <= to).sort(([a], [b]) => a.localeCompare(b));
  return membersOf(months.map(([, m]) => m), period.toDay);
}

/**
 * A summary as stored: JSON, one string per case in a month's document (FerretDB decodes a string at once,
 * where a nested document costs it a step per field). JSON writes an absent answer in a list as null: the
 * two lists that hold answers (the health chains, a victim's contacts) read it back as absent. No reviver:
 * it would call back for every value of every summary a report reads.
 */
export const storedMonth = (m: KpiCaseMonth): string => JSON.stringify(m);
export function readMonth(s: string): KpiCaseMonth {
  const m = JSON.parse(s) as KpiCaseMonth;
  const absent = <T>(list: T[]) => list.map((v) => (v === null ? undefined : v)) as T[];
  const health = m.ended?.health;
  if (health) m.ended!.health = { mentalHealth: absent(health.mentalHealth) as typeof health.mentalHealth, substanceMisuse: absent(health.substanceMisuse) as typeof health.substanceMisuse };
  for (const v of m.victims ?? []) v.contacts = v.contacts.map((c) => absent(c) as typeof c);
  return m;
}
