// The key performance indicators over the facts of the cases concerned: each indicator's cohort, and its
// measures as a count out of a base with a whole per cent, for all the teams in view and for each team.
// Ratios are worked out here, in application code (FerretDB's aggregation has no $avg), rounding to the
// nearest whole per cent; a measure whose base is 0 has no per cent. Pure.
import type { KpiFact } from './kpi-fact';
import type { CaseMembers, EndedChild, Period, YesNo } from './kpi-cohorts';
import { caseMembers, membersOf, type KpiCaseMonth } from './kpi-case-months';
import { KPI_DEFINITIONS, WIDER_SERVICES, type KpiId } from './kpi-sources';

export interface KpiMeasure {
  id: string;
  label: string;
  count: number;
  /** The base the count is out of; null for a count that is no rate (first-time entrants). */
  of: number | null;
  percent: number | null;
  /** Members of the cohort the answer was not recorded for (left out of the base). */
  notRecorded?: number;
}

export interface KpiFigures { id: KpiId; cohort: number | null; measures: KpiMeasure[]; headline?: string }
export interface KpiTeamRow { team: string | null; indicators: KpiFigures[] }
export interface KpiReport { indicators: KpiFigures[]; byTeam: KpiTeamRow[] }

const WIDER_WORDS: Record<string, string> = {
  'looked-after': 'Looked after', 'child-protection-plan': 'On a child protection plan', 'child-in-need': 'A child in need', 'early-help': 'Early help',
};
const HEADLINES: Partial<Record<KpiId, string>> = {
  accommodation: 'end', ete: 'end', send: 'plan', mentalHealth: 'attending', substanceMisuse: 'attending', oocd: 'completed',
  seriousViolence: 'seriousViolence', victims: 'engaged', custody: 'custody',
};

const pct = (count: number, of: number | null) => (of ? Math.round((count / of) * 100) : null);
const measure = (id: string, label: string, count: number, of: number | null, notRecorded?: number): KpiMeasure =>
  ({ id, label, count, of, percent: pct(count, of), ...(notRecorded ? { notRecorded } : {}) });
/** Yes out of those answered; the unanswered are counted apart. */
const answered = (id: string, label: string, values: YesNo[]) => {
  const known = values.filter((v) => v !== undefined);
  return measure(id, label, known.filter((v) => v === 'yes').length, known.length, values.length - known.length);
};
const sumHours = (id: string, label: string, pairs: ([number, number] | undefined)[]) => {
  const known = pairs.filter((p): p is [number, number] => !!p);
  return measure(id, label, known.reduce((a, p) => a + p[0], 0), known.reduce((a, p) => a + p[1], 0), pairs.length - known.length);
};
const chain = (ended: EndedChild[], key: 'mentalHealth' | 'substanceMisuse') => {
  const links = ended.filter((c) => c.health).map((c) => c.health![key]);
  const need = links.filter((l) => l[0] === 'yes');
  const planned = need.filter((l) => l[1] === 'yes');
  return [
    answered('need', 'Need identified', [...links.map((l) => l[0]), ...ended.filter((c) => !c.health).map(() => undefined)]),
    measure('planned', 'Intervention planned, where a need was identified', planned.length, need.length),
    measure('attending', 'Attending the intervention, where one was planned', planned.filter((l) => l[2] === 'yes').length, planned.length),
  ];
};

/** The members of each cohort, in the order of their cases. */
interface Cohorts {
  ended: EndedChild[];
  oocd: NonNullable<CaseMembers['oocd']>[];
  sentenced: NonNullable<CaseMembers['sentenced']>[];
  entrants: NonNullable<CaseMembers['firstEntrant']>[];
  victims: CaseMembers['victims'];
}
const noCohorts = (): Cohorts => ({ ended: [], oocd: [], sentenced: [], entrants: [], victims: [] });

function figures({ ended, oocd, sentenced, entrants, victims }: Cohorts): KpiFigures[] {
  const consenting = victims.filter((v) => v.consent === 'yes');
  const send = ended.map((c) => c.send);
  const needs = send.filter((s) => s?.need === 'yes');
  const wider = (at: 'start' | 'end') => WIDER_SERVICES.map((s) => {
    const known = ended.map((c) => c.wider[at]).filter((l): l is string[] => !!l);
    return measure(`${s}-${at}`, `${WIDER_WORDS[s]} at the ${at}`, known.filter((l) => l.includes(s)).length, known.length, ended.length - known.length);
  });
  const byId: Record<KpiId, Omit<KpiFigures, 'id'>> = {
    accommodation: { cohort: ended.length, measures: [
      answered('start', 'Suitable at the start', ended.map((c) => c.accommodation.start)), answered('end', 'Suitable at the end', ended.map((c) => c.accommodation.end))] },
    ete: { cohort: ended.length, measures: [
      answered('start', 'Suitable at the start', ended.map((c) => c.ete.start)), answered('end', 'Suitable at the end', ended.map((c) => c.ete.end)),
      sumHours('hoursStart', 'Hours a week attended of those offered, at the start', ended.map((c) => c.ete.hoursStart)),
      sumHours('hoursEnd', 'Hours a week attended of those offered, at the end', ended.map((c) => c.ete.hoursEnd))] },
    send: { cohort: ended.length, measures: [
      answered('need', 'Need identified', send.map((s) => s?.need)),
      measure('plan', 'Plan in place, where a need was identified', needs.filter((s) => s!.plan && s!.plan !== 'no').length, needs.length),
      measure('ehcp', 'Education, health and care plan, where a need was identified', needs.filter((s) => s!.plan === 'ehcp').length, needs.length)] },
    mentalHealth: { cohort: ended.length, measures: chain(ended, 'mentalHealth') },
    substanceMisuse: { cohort: ended.length, measures: chain(ended, 'substanceMisuse') },
    oocd: { cohort: oocd.length, measures: [answered('completed', 'Completed', oocd.map((o) => o.completed))] },
    managementBoard: { cohort: null, measures: [] },
    widerServices: { cohort: ended.length, measures: [...wider('start'), ...wider('end')] },
    seriousViolence: { cohort: sentenced.length, measures: [(() => {
      const known = sentenced.filter((s) => s.seriousViolence !== undefined);
      return measure('seriousViolence', 'Sentenced for a serious violent offence', known.filter((s) => s.seriousViolence).length, known.length, sentenced.length - known.length);
    })()] },
    victims: { cohort: victims.length, measures: [
      answered('consent', 'Consenting to contact', victims.map((v) => v.consent)),
      measure('rjConsent', 'Wanting restorative justice, of those consenting to contact', consenting.filter((v) => v.rjConsent).length, consenting.length),
      measure('engaged', 'Engaged in restorative justice, of those consenting to contact', consenting.filter((v) => v.engaged).length, consenting.length)] },
    firstTimeEntrants: { cohort: entrants.length, measures: [
      measure('court', 'By a first conviction', entrants.filter((e) => e.by === 'court').length, null),
      measure('police', 'By a first youth caution or conditional caution', entrants.filter((e) => e.by === 'police').length, null)] },
    custody: { cohort: sentenced.length, measures: [measure('custody', 'Sentenced to custody', sentenced.filter((s) => s.custody).length, sentenced.length)] },
    reoffending: { cohort: null, measures: [] },
  };
  return KPI_DEFINITIONS.map((d) => ({ id: d.id, ...byId[d.id], ...(HEADLINES[d.id] ? { headline: HEADLINES[d.id] } : {}) }));
}

/** `teams`: only members placed by these teams' tasks count (absent: every team). Facts of every case concerned, in any order. */
export function buildKpiReport(facts: Iterable<KpiFact>, period: Period, teams?: readonly string[]): KpiReport {
  const byCase = new Map<string, KpiFact[]>();
  for (const f of facts) {
    const list = byCase.get(f.caseId);
    if (list) list.push(f);
    else byCase.set(f.caseId, [f]);
  }
  return reportOfMembers([...byCase.values()].map((fs) => caseMembers(fs, period)), teams);
}

/** The same report from the cases' month summaries (kpi-case-months.ts), each month's in month order. */
export function buildKpiReportOfMonths(months: readonly ReadonlyMap<string, KpiCaseMonth>[], period: Period, teams?: readonly string[]): KpiReport {
  const byCase = new Map<string, KpiCaseMonth[]>();
  for (const month of months) {
    for (const [caseId, m] of month) (byCase.get(caseId) ?? byCase.set(caseId, []).get(caseId)!).push(m);
  }
  return reportOfMembers([...byCase.values()].map((ms) => membersOf(ms, period.toDay)), teams);
}

function reportOfMembers(all: CaseMembers[], teams?: readonly string[]): KpiReport {
  // One pass sorting each member into the cohorts of every team and of the whole service (a year's report
  // has a member or more for each of 20,000 cases), each list in case order.
  const everyone = noCohorts();
  const byTeam = new Map<string | null, Cohorts>();
  const of = (team: string | null) => byTeam.get(team) ?? byTeam.set(team, noCohorts()).get(team)!;
  const add = <K extends keyof Cohorts>(k: K, member: Cohorts[K][number] & { team: string | null }) => {
    (everyone[k] as unknown[]).push(member);
    (of(member.team)[k] as unknown[]).push(member);
  };
  for (const m of all) {
    if (m.ended) add('ended', m.ended);
    if (m.oocd) add('oocd', m.oocd);
    if (m.sentenced) add('sentenced', m.sentenced);
    if (m.firstEntrant) add('entrants', m.firstEntrant);
    for (const v of m.victims) add('victims', v);
  }
  const seen = [...byTeam.keys()].filter((t) => !teams || (t !== null && teams.includes(t)));
  seen.sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
  const inView = (k: keyof Cohorts) => seen.flatMap((t) => byTeam.get(t)![k] as unknown[]);
  const chosen = teams
    ? { ended: inView('ended'), oocd: inView('oocd'), sentenced: inView('sentenced'), entrants: inView('entrants'), victims: inView('victims') } as Cohorts
    : everyone;
  return {
    indicators: figures(chosen),
    byTeam: seen.map((t) => ({ team: t, indicators: figures(byTeam.get(t)!) })),
  };
}
