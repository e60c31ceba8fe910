// The demo's children (seed-demo-cases.ts): invented names, their outcomes dated in the quarter before
// today's, so the returns page's default quarter and the KPI dashboard show them.
import type { Collections } from '../../domain/cases/case-collections';

export interface DemoChild {
  id: string;
  team: 'north' | 'south';
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  gender: string;
  ethnicity: string;
  offending(today: string): Collections | undefined;
  submissions(today: string): { formId: string; on: string; data: Record<string, unknown> }[];
  /** Processes started for the child, counting their deadlines from a past day: work now overdue on the timeliness report. */
  work?(today: string): { processId: string; variables: Record<string, unknown> }[];
}

/**
 * Two kinds of demo dates, because the two pages open on different periods: `due` is `days` (0 to 85) before
 * the end of the quarter before today's — the quarter the returns page opens on, the one last due; `recent`
 * is `days` before today but within the KPI dashboard's default months (this month and the two before).
 */
export function demoDay(today: string, days: number, when: 'due' | 'recent' = 'due'): string {
  const [y, m] = today.split('-').map(Number);
  const DAY = 86_400_000;
  if (when === 'recent') {
    const earliest = Date.UTC(y, m - 3, 1);
    return new Date(Math.max(earliest, Date.parse(`${today}T12:00:00Z`) - days * DAY)).toISOString().slice(0, 10);
  }
  const quarterStart = Date.UTC(y, m - 1 - ((m - 1) % 3), 1);
  return new Date(quarterStart - (1 + Math.min(days, 85)) * DAY).toISOString().slice(0, 10);
}

const item = (id: string, values: Record<string, unknown>) => ({ id, values, sources: {} });
const recent = (t: string, days: number) => demoDay(t, days, 'recent');
const closure = (on: string, reason: string) => ({
  formId: 'case-closure-end-data', on, data: {
    closureDate: on, closureReason: reason, accommodationSuitableAtEnd: 'yes', eteSuitableAtEnd: 'yes', eteHoursOfferedAtEnd: 25,
    eteHoursAttendedAtEnd: 22, sendNeedIdentified: 'yes', sendPlanInPlace: 'ehcp', widerServicesAtEnd: [], oocdCompletedAtEnd: 'yes',
  },
});
const assessment = (on: string) => ({
  formId: 'assetplus-information-gathering', on, data: {
    assessment: { informationGatheredOn: on }, accommodationSuitableAtAssessment: 'yes', eteSuitableAtAssessment: 'no',
    eteHoursOfferedAtAssessment: 25, eteHoursAttendedAtAssessment: 10, widerServicesAtAssessment: ['early-help'],
  },
});
const health = (on: string) => ({
  formId: 'case-closure-health', on, data: {
    mentalHealthNeedIdentified: 'yes', mentalHealthInterventionPlanned: 'yes', mentalHealthAttending: 'yes',
    substanceMisuseNeedIdentified: 'no', substanceMisuseInterventionPlanned: 'no', substanceMisuseAttending: 'no',
  },
});
const policeCaution = (on: string) => ({ formId: 'oocd-police-decision', on, data: { policeDecision: { type: 'youth-caution', policeDecidedOn: on, firstCautionOrConviction: 'yes' } } });
const victim = (id: string, contact: string, rj: string) => [
  { formId: 'victim-initial-contact', on: contact, data: { victimContact: { id, contactDate: contact, contactConsent: 'yes', rjConsent: 'consents' } } },
  { formId: 'victim-rj-activity', on: rj, data: { victimRj: { id, rjDate: rj, rjType: 'direct' } } },
];

/** Alex and Bea: the quarter last due (the return). Cody, Dana and Eli: the last months (the KPI dashboard). */
export const DEMO_CHILDREN: readonly DemoChild[] = [
  {
    id: 'YJ-DEMO00001', team: 'north', givenName: 'Alex', familyName: 'Morgan', dateOfBirth: '2010-03-14', gender: 'male', ethnicity: 'white-british',
    offending: (t) => ({ outcomes: [item('demo-caution-1', { type: 'youth-caution', decidedOn: demoDay(t, 60) })] }),
    submissions: (t) => [policeCaution(demoDay(t, 60)), assessment(demoDay(t, 55)), closure(demoDay(t, 5), 'oocdCompleted'), health(demoDay(t, 4))],
    work: (t) => [{ processId: 'out-of-court-disposal', variables: { referralReceivedAt: `${recent(t, 40)}T09:00:00.000Z` } }],
  },
  {
    id: 'YJ-DEMO00002', team: 'south', givenName: 'Bea', familyName: 'Khan', dateOfBirth: '2009-11-02', gender: 'female', ethnicity: 'asian-pakistani',
    offending: (t) => ({ orders: [item('demo-ro-1', { type: 'referral-order', madeOn: demoDay(t, 40), lengthMonths: 6 })] }),
    submissions: (t) => [
      { formId: 'court-outcome', on: demoDay(t, 40), data: { hearing: { result: 'sentenced' }, outcome: { type: 'referral-order', madeOn: demoDay(t, 40), offenceCategory: 'theft', offenceGravity: 2, firstCautionOrConviction: 'yes' } } },
      ...victim('demo-victim-1', demoDay(t, 30), demoDay(t, 10)),
    ],
    work: (t) => [{ processId: 'referral-order', variables: { orderMadeAt: `${recent(t, 40)}T09:00:00.000Z` } }],
  },
  {
    id: 'YJ-DEMO00003', team: 'north', givenName: 'Cody', familyName: 'Mensah', dateOfBirth: '2008-06-21', gender: 'male', ethnicity: 'black-african',
    offending: (t) => ({ orders: [item('demo-yro-1', { type: 'yro', madeOn: recent(t, 25), lengthMonths: 12 })] }),
    submissions: (t) => [
      { formId: 'court-outcome', on: recent(t, 25), data: { hearing: { result: 'sentenced' }, outcome: { type: 'yro', madeOn: recent(t, 25), offenceCategory: 'robbery', offenceGravity: 6, firstCautionOrConviction: 'no' } } },
      ...victim('demo-victim-2', recent(t, 20), recent(t, 6)),
    ],
  },
  {
    id: 'YJ-DEMO00004', team: 'south', givenName: 'Dana', familyName: 'Novak', dateOfBirth: '2011-01-09', gender: 'female', ethnicity: 'white-other',
    offending: (t) => ({ outcomes: [item('demo-cr-1', { type: 'community-resolution', decidedOn: recent(t, 15) })] }),
    submissions: (t) => [
      { formId: 'oocd-exit', on: recent(t, 3), data: { disposalEnd: { completed: 'yes', endedOn: recent(t, 3) }, accommodationAtEnd: 'suitable', eteAtEnd: 'suitable' } },
    ],
  },
  {
    id: 'YJ-DEMO00005', team: 'north', givenName: 'Eli', familyName: 'Brennan', dateOfBirth: '2010-09-30', gender: 'male', ethnicity: 'mixed-white-black-caribbean',
    offending: (t) => ({ outcomes: [item('demo-caution-2', { type: 'youth-caution', decidedOn: recent(t, 24) })] }),
    submissions: (t) => [policeCaution(recent(t, 24)), assessment(recent(t, 20)), closure(recent(t, 2), 'oocdCompleted'), health(recent(t, 1))],
  },
];
