// The KPI projection's row of a submission keeps coded answers only and is dated by the form's own date;
// CSV cells are quoted and never start a formula.
import { deriveKpiFact } from '../../../server/src/domain/reports/kpi-fact';
import { toCsv } from '../../../server/src/domain/reports/report-csv';

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

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(toCsv(['Team', 'Count'], [['North, east', 3], ['=HYPERLINK("x")', null], ['Say "hi"\nthere', 0]]))
      .toBe('Team,Count\r\n"North, east",3\r\n"\'=HYPERLINK(""x"")",\r\n"Say ""hi""\nthere",0\r\n');
  });
});
