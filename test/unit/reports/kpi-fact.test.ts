// The KPI projection's row of a submission keeps coded answers only and is dated by the form's own date;
// CSV cells are quoted and never start a formula.
import { deriveKpiFact } from '../../../server/src/domain/reports/kpi-fact';
import { toCsv } from '../../../server/src/domain/reports/report-csv';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';

const civil = (iso: string) => iso.slice(0, 10);

describe('deriveKpiFact', () => {
  it('keeps the listed coded answers, nested as submitted, and no free text', () => {
    const fact = deriveKpiFact({
      id: 'task-1', formId: 'oocd-exit', caseId: 'c1', submittedAt: '2026-11-03T10:00:00.000Z',
      data: { disposalEnd: { id: 'i1', completed: 'yes', endedOn: '2026-10-31' }, eteAtEnd: 'none', accommodationAtEnd: 'suitable', exitSummary: 'He told me about his family' },
    }, 'north', civil);
    expect(fact).toEqual({
      id: 'task-1', caseId: 'c1', team: 'north', formId: 'oocd-exit', on: '2026-10-31', submittedAt: '2026-11-03T10:00:00.000Z',
      values: { disposalEnd: { completed: 'yes' }, eteAtEnd: 'none', accommodationAtEnd: 'suitable' },
    });
  });

  it('dates a form without a date of its own by the day it was submitted, and ignores forms that feed no indicator', () => {
    const health = { id: 't', formId: 'case-closure-health', caseId: 'c1', submittedAt: '2026-11-03T23:30:00.000Z', data: { mentalHealthNeedIdentified: 'no' } };
    expect(deriveKpiFact(health, undefined, () => '2026-11-03')?.on).toBe('2026-11-03');
    expect(deriveKpiFact({ ...health, formId: 'case-contact' }, 'north', civil)).toBeUndefined();
    expect(deriveKpiFact({ ...health, caseId: undefined }, 'north', civil)).toBeUndefined();
  });
});

describe('deriveKpiFact dates', () => {
  it('takes a form\'s date-time on the London day it falls on, and a date as written', () => {
    const calendar = createWorkingCalendar({ region: 'GB-ENG' });
    const london = (iso: string) => calendar.civilDate(iso);
    const exit = (endedOn: string) => deriveKpiFact({ id: 't', formId: 'oocd-exit', caseId: 'c1', submittedAt: '2026-07-02T10:00:00.000Z', data: { disposalEnd: { endedOn } } }, undefined, london)?.on;
    expect(exit('2026-06-30T23:30:00.000Z')).toBe('2026-07-01');
    expect(exit('2026-06-30')).toBe('2026-06-30');
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv(['Team', 'Count'], [['North, east', 3], ['=HYPERLINK("x")', null], ['Say "hi"\nthere', 0]]))
      .toBe('Team,Count\r\n"North, east",3\r\n"\'=HYPERLINK(""x"")",\r\n"Say ""hi""\nthere",0\r\n');
  });
});
