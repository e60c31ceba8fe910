// Who counts in a KPI period, from one case's facts: a victim stays in the period of their first contact
// whatever is recorded later, and a child's "at the start" and health answers come from the order that
// ended, not from an earlier one or a later one.
import { caseMembers, caseMonths, membersOf, readMonth, storedMonth } from '../../../server/src/domain/reports/kpi-case-months';
import type { KpiFact } from '../../../server/src/domain/reports/kpi-fact';

let n = 0;
const fact = (formId: string, on: string, values: Record<string, unknown>, team = 'north'): KpiFact =>
  ({ id: `f${++n}`, caseId: 'c1', team, formId, on, submittedAt: `${on}T10:00:00.000Z`, values });
const contact = (id: string, on: string, contactConsent: string, rjConsent?: string, team?: string) =>
  fact('victim-initial-contact', on, { victimContact: { id, contactConsent, ...(rjConsent ? { rjConsent } : {}) } }, team);
const assessed = (on: string, accommodation: string, ete: string) =>
  fact('assetplus-information-gathering', on, { accommodationSuitableAtAssessment: accommodation, eteSuitableAtAssessment: ete });
const closed = (on: string) => fact('case-closure-end-data', on, { accommodationSuitableAtEnd: 'yes', eteSuitableAtEnd: 'yes' });
const health = (on: string, need: string) => fact('case-closure-health', on, { mentalHealthNeedIdentified: need, substanceMisuseNeedIdentified: 'no' });

const Q3 = { fromDay: '2026-10-01', toDay: '2026-12-31' };
const Q4 = { fromDay: '2027-01-01', toDay: '2027-03-31' };

describe('victims', () => {
  const facts = [contact('v1', '2026-11-01', 'no', undefined, 'south'), contact('v1', '2027-02-01', 'yes', 'consents', 'north')];

  it('count in the period of their first contact, with the answers known by that period\'s end', () => {
    expect(caseMembers(facts, Q3).victims).toEqual([{ team: 'south', consent: 'no', rjConsent: false, engaged: false }]);
  });

  it('are not counted again in the period of a later contact', () => {
    expect(caseMembers(facts, Q4).victims).toEqual([]);
  });
});

describe('a child whose order ended', () => {
  it('has "at the start" from the assessment of the order that ended, not of an earlier order', () => {
    const facts = [assessed('2024-03-01', 'no', 'no'), closed('2024-09-01'), assessed('2026-05-01', 'yes', 'yes'), closed('2026-11-20')];
    expect(caseMembers(facts, Q3).ended).toMatchObject({ accommodation: { start: 'yes' }, ete: { start: 'yes' } });
  });

  it('has no "at the start" when that order had no assessment, rather than an earlier order\'s', () => {
    const facts = [assessed('2024-03-01', 'no', 'no'), closed('2024-09-01'), closed('2026-11-20')];
    expect(caseMembers(facts, Q3).ended).toMatchObject({ accommodation: { start: undefined }, ete: { start: undefined } });
  });

  it('has the health answers given for its closure (even days after the closure date), not a later order\'s', () => {
    const facts = [closed('2026-11-20'), health('2026-11-23', 'yes'), assessed('2027-01-10', 'no', 'no'), health('2027-02-01', 'no'), closed('2027-02-01')];
    expect(caseMembers(facts, Q3).ended?.health?.mentalHealth[0]).toBe('yes');
    expect(caseMembers(facts, Q4).ended?.health?.mentalHealth[0]).toBe('no');
  });

  it('has no health answers when only an earlier closure had a health form', () => {
    const facts = [closed('2024-09-01'), health('2024-09-01', 'yes'), closed('2026-11-20')];
    expect(caseMembers(facts, Q3).ended?.health).toBeUndefined();
  });
});

describe('a case\'s month summaries as stored (what the report reads)', () => {
  it('give the members the facts give, an unanswered question still unanswered rather than null', () => {
    const facts = [assessed('2026-09-01', 'yes', 'no'), closed('2026-11-20'), health('2026-11-23', 'yes'), contact('v1', '2026-12-01', 'yes', 'consents')];
    const read = [...caseMonths(facts)].sort(([a], [b]) => a.localeCompare(b)).filter(([m]) => m >= '2026-10').map(([, m]) => readMonth(storedMonth(m)));
    const members = membersOf(read, Q3.toDay);
    expect(members).toEqual(caseMembers(facts, Q3));
    expect(members.ended?.health?.mentalHealth[1]).toBeUndefined(); // "planned" not asked
    expect(members.ended?.accommodation.start).toBe('yes'); // from the assessment before the period
  });
});

describe('a case over several months of a period', () => {
  it('is sentenced by the court\'s first sentence in any month before a custodial order\'s, with custody from any month', () => {
    const facts = [
      fact('custody-sentence', '2026-10-05', {}, 'south'),
      fact('court-outcome', '2026-11-10', { hearing: { result: 'sentenced' }, outcome: { type: 'referral-order' } }, 'north'),
      fact('court-outcome', '2026-12-01', { hearing: { result: 'sentenced' }, outcome: { type: 'yro' } }, 'south'),
    ];
    expect(caseMembers(facts, Q3).sentenced).toEqual({ team: 'north', custody: true });
  });

  it('has ended with its latest end in the period', () => {
    const facts = [closed('2026-10-20'), fact('oocd-exit', '2026-12-02', { accommodationAtEnd: 'unsuitable' }, 'south')];
    expect(caseMembers(facts, Q3).ended).toMatchObject({ team: 'south', accommodation: { end: 'no' } });
  });
});
