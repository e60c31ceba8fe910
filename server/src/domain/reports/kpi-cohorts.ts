// Who counts in a KPI period, and with which answers: the facts of one case, read in the order they were
// given, turned into the members of each indicator's cohort — a child whose order ended, a child sentenced,
// a victim contacted — each under the team whose task placed it in the period. Pure; the period is a pair
// of days (YYYY-MM-DD, inclusive) in London time.
import { valueAt, type KpiFact } from './kpi-fact';
import { CUSTODIAL, SERIOUS_VIOLENCE_CATEGORIES, SERIOUS_VIOLENCE_GRAVITY } from './kpi-sources';

export type YesNo = 'yes' | 'no' | undefined;

export interface EndedChild {
  team: string | null;
  accommodation: { start: YesNo; end: YesNo };
  ete: { start: YesNo; end: YesNo; hoursStart?: [number, number]; hoursEnd?: [number, number] };
  send?: { need: YesNo; plan?: string };
  health?: { mentalHealth: [YesNo, YesNo, YesNo]; substanceMisuse: [YesNo, YesNo, YesNo] };
  wider: { start?: string[]; end?: string[] };
}

export interface CaseMembers {
  ended?: EndedChild;
  oocd?: { team: string | null; completed: YesNo };
  sentenced?: { team: string | null; custody: boolean; seriousViolence?: boolean };
  firstEntrant?: { team: string | null; by: 'court' | 'police' };
  victims: { team: string | null; consent: YesNo; rjConsent: boolean; engaged: boolean }[];
}

export interface Period { fromDay: string; toDay: string }

const END_FORMS = new Set(['case-closure-end-data', 'oocd-exit', 'prevention-exit']);
const str = (f: KpiFact, path: string) => { const v = valueAt(f.values, path); return typeof v === 'string' ? v : undefined; };
const num = (f: KpiFact, path: string) => { const v = valueAt(f.values, path); return typeof v === 'number' ? v : undefined; };
const yn = (v: string | undefined, yes = 'yes', no: readonly string[] = ['no']): YesNo => (v === yes ? 'yes' : v && no.includes(v) ? 'no' : undefined);
const teamOf = (f: KpiFact) => f.team ?? null;

/** The members a case adds to each cohort in the period. `facts`: every fact of the one case. */
export function caseMembers(facts: readonly KpiFact[], period: Period): CaseMembers {
  const sorted = [...facts].sort((a, b) => a.on.localeCompare(b.on) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  const inPeriod = (f: KpiFact) => f.on >= period.fromDay && f.on <= period.toDay;
  const of = (formId: string) => sorted.filter((f) => f.formId === formId);
  const out: CaseMembers = { victims: [] };

  const end = sorted.filter((f) => END_FORMS.has(f.formId) && inPeriod(f)).at(-1);
  if (end) out.ended = endedChild(end, sorted);

  const oocdExit = of('oocd-exit').filter(inPeriod).at(-1);
  const closure = of('case-closure-end-data').filter(inPeriod).at(-1);
  if (oocdExit) out.oocd = { team: teamOf(oocdExit), completed: yn(str(oocdExit, 'disposalEnd.completed')) };
  else if (closure && yn(str(closure, 'oocdCompletedAtEnd'))) out.oocd = { team: teamOf(closure), completed: yn(str(closure, 'oocdCompletedAtEnd')) };

  const sentences = of('court-outcome').filter((f) => inPeriod(f) && str(f, 'hearing.result') === 'sentenced');
  const custodial = of('custody-sentence').filter(inPeriod);
  const first = sentences[0] ?? custodial[0];
  if (first) {
    const graded = sentences.filter((f) => str(f, 'outcome.offenceCategory') && num(f, 'outcome.offenceGravity') !== undefined);
    out.sentenced = {
      team: teamOf(first),
      custody: custodial.length > 0 || sentences.some((f) => CUSTODIAL.has(str(f, 'outcome.type') ?? '')),
      ...(graded.length ? { seriousViolence: graded.some((f) => SERIOUS_VIOLENCE_CATEGORIES.has(str(f, 'outcome.offenceCategory')!) && num(f, 'outcome.offenceGravity')! >= SERIOUS_VIOLENCE_GRAVITY) } : {}),
    };
  }

  const courtFirst = sentences.find((f) => str(f, 'outcome.firstCautionOrConviction') === 'yes');
  const policeFirst = of('oocd-police-decision').find((f) => inPeriod(f) && ['youth-caution', 'youth-conditional-caution'].includes(str(f, 'policeDecision.type') ?? '')
    && str(f, 'policeDecision.firstCautionOrConviction') === 'yes');
  const firstEntry = [courtFirst, policeFirst].filter((f): f is KpiFact => !!f).sort((a, b) => a.on.localeCompare(b.on))[0];
  if (firstEntry) out.firstEntrant = { team: teamOf(firstEntry), by: firstEntry === courtFirst ? 'court' : 'police' };

  // A victim counts in the period of their first contact, so a later contact never moves them out of a
  // past period; their answers are those of the latest contact by the period's end. Engaged: any
  // restorative justice recorded by the period's end.
  const contacts = new Map<string, KpiFact[]>();
  for (const f of of('victim-initial-contact')) { const id = str(f, 'victimContact.id'); if (id) contacts.set(id, [...(contacts.get(id) ?? []), f]); }
  const engaged = new Set(of('victim-rj-activity').filter((f) => f.on <= period.toDay).map((f) => str(f, 'victimRj.id')));
  for (const [victimId, all] of contacts) {
    if (!inPeriod(all[0])) continue;
    const f = all.filter((c) => c.on <= period.toDay).at(-1)!;
    const consent = yn(str(f, 'victimContact.contactConsent'));
    out.victims.push({ team: teamOf(all[0]), consent, rjConsent: consent === 'yes' && str(f, 'victimContact.rjConsent') === 'consents', engaged: consent === 'yes' && engaged.has(victimId) });
  }
  return out;
}

function endedChild(end: KpiFact, sorted: readonly KpiFact[]): EndedChild {
  // The order, disposal or programme that ended: after the case's previous end (a closure sent back and
  // submitted again has the same date, so is not a previous end) and before its next one.
  const ends = sorted.filter((f) => END_FORMS.has(f.formId));
  const after = ends.filter((f) => f.on < end.on).at(-1)?.on;
  const before = ends.find((f) => f.on > end.on)?.on;
  const inEpisode = (f: KpiFact) => (after === undefined || f.on > after) && (before === undefined || f.on < before);
  // "At the start": the earliest assessment of this episode, up to its end, that answered the question.
  const assessments = sorted.filter((f) => f.formId === 'assetplus-information-gathering' && inEpisode(f) && f.on <= end.on);
  const firstAnswer = <T>(read: (f: KpiFact) => T | undefined) => assessments.map(read).find((v) => v !== undefined);
  const hours = (f: KpiFact, suffix: string): [number, number] | undefined => {
    const offered = num(f, `eteHoursOffered${suffix}`);
    const attended = num(f, `eteHoursAttended${suffix}`);
    return offered !== undefined && attended !== undefined ? [attended, offered] : undefined;
  };
  const list = (f: KpiFact, key: string) => { const v = valueAt(f.values, key); return Array.isArray(v) ? v as string[] : undefined; };
  const child: EndedChild = {
    team: teamOf(end),
    accommodation: { start: firstAnswer((f) => yn(str(f, 'accommodationSuitableAtAssessment'))), end: undefined },
    ete: { start: firstAnswer((f) => yn(str(f, 'eteSuitableAtAssessment'))), end: undefined, hoursStart: firstAnswer((f) => hours(f, 'AtAssessment')) },
    wider: { start: firstAnswer((f) => list(f, 'widerServicesAtAssessment')) },
  };
  if (end.formId === 'case-closure-end-data') {
    child.accommodation.end = yn(str(end, 'accommodationSuitableAtEnd'));
    child.ete.end = yn(str(end, 'eteSuitableAtEnd'));
    child.ete.hoursEnd = hours(end, 'AtEnd');
    child.send = { need: yn(str(end, 'sendNeedIdentified')), plan: str(end, 'sendPlanInPlace') };
    child.wider.end = list(end, 'widerServicesAtEnd');
    // The health form is dated by the day it was submitted, often after the closure date: it belongs to
    // this closure when given after the previous end and before the next.
    const health = sorted.filter((f) => f.formId === 'case-closure-health' && inEpisode(f)).at(-1);
    if (health) {
      const chain = (k: string): [YesNo, YesNo, YesNo] => [yn(str(health, `${k}NeedIdentified`)), yn(str(health, `${k}InterventionPlanned`)), yn(str(health, `${k}Attending`))];
      child.health = { mentalHealth: chain('mentalHealth'), substanceMisuse: chain('substanceMisuse') };
    }
  } else {
    child.accommodation.end = yn(str(end, 'accommodationAtEnd'), 'suitable', ['unsuitable']);
    if (end.formId === 'oocd-exit') child.ete.end = yn(str(end, 'eteAtEnd'), 'suitable', ['unsuitable', 'none']);
  }
  return child;
}
