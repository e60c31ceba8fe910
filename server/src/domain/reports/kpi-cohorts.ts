// Who counts in a KPI period, and with which answers: the facts of one case, read in the order they were
// given, turned into the members of each indicator's cohort — a child whose order ended, a child sentenced,
// a victim contacted — each under the team whose task placed it in the period. Pure; the period is a pair
// of days (YYYY-MM-DD, inclusive) in London time.
import { valueAt, type KpiFact } from './kpi-fact';

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

export const END_FORMS = new Set(['case-closure-end-data', 'oocd-exit', 'prevention-exit']);
export const str = (f: KpiFact, path: string) => { const v = valueAt(f.values, path); return typeof v === 'string' ? v : undefined; };
export const num = (f: KpiFact, path: string) => { const v = valueAt(f.values, path); return typeof v === 'number' ? v : undefined; };
export const yn = (v: string | undefined, yes = 'yes', no: readonly string[] = ['no']): YesNo => (v === yes ? 'yes' : v && no.includes(v) ? 'no' : undefined);
export const teamOf = (f: KpiFact) => f.team ?? null;
/** A case's facts in the order they were given. */
export const inOrder = (facts: readonly KpiFact[]) =>
  [...facts].sort((a, b) => a.on.localeCompare(b.on) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));

/** A child whose order, disposal or programme ended with `end`: their answers at the start and at the end. */
export function endedChild(end: KpiFact, sorted: readonly KpiFact[]): EndedChild {
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
