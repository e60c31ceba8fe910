import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { DURATION_UNITS, TIMESCALE_UNITS } from '../../../server/src/domain/timescales';

const file = path.resolve(__dirname, '../../../processes/timescales.json');
const timescales = parseTimescaleDefaults(readFileSync(file, 'utf8'));
const byId = new Map(timescales.map((t) => [t.id, t]));

describe('processes/timescales.json', () => {
  it('parses and every entry has a value, an allowed unit and its source', () => {
    expect(timescales.length).toBeGreaterThanOrEqual(25);
    for (const t of timescales) {
      expect(TIMESCALE_UNITS).toContain(t.unit);
      expect(t.source.trim()).not.toBe('');
      expect(Number.isInteger(t.value) && t.value > 0).toBe(true);
    }
  });

  it.each([
    ['oocdAssessment', 10, 'workingDays'],
    ['oocdDecision', 15, 'workingDays'],
    ['yccConditions', 3, 'months'],
    ['referralOrderFirstAppointment', 5, 'workingDays'],
    ['referralOrderInitialPanel', 20, 'workingDays'],
    ['referralOrderProgressPanel', 3, 'months'],
    ['planReview', 3, 'months'],
    ['psrReuseMaxAge', 3, 'months'],
    ['psrQaSignOff', 2, 'workingDays'],
    ['missedAppointmentFollowUp', 1, 'workingDays'],
    ['yroWarningWindow', 12, 'months'],
    ['yroWarningsBeforeBreach', 2, 'count'],
    ['victimRjInformation', 5, 'workingDays'],
    ['victimRjInformationEnhanced', 1, 'workingDays'],
    ['transitionPlanning', 210, 'months'],
    ['subjectAccessRequest', 1, 'months'],
    ['subjectAccessRequestExtension', 2, 'months'],
    ['seriousIncidentNotification', 3, 'workingDays'],
    ['contactInitialPeriod', 12, 'weeks'],
    ['contactIntensiveInitial', 8, 'perMonth'],
    ['contactStandardAfter', 1, 'perMonth'],
    ['assetPlusCompletion', 15, 'workingDays'],
  ])('holds the domain.md default for %s', (id, value, unit) => {
    expect(byId.get(id)).toMatchObject({ value, unit });
  });

  it('marks "before" timescales (QA sign-off counts back from the court date)', () => {
    expect(byId.get('psrQaSignOff')?.direction).toBe('before');
  });

  it('keeps the statutory sources', () => {
    expect(byId.get('yroWarningWindow')?.source).toBe('Sentencing Act 2020 Sch 7');
    expect(byId.get('victimRjInformation')?.source).toContain("Victims' Code 2020");
    expect(byId.get('subjectAccessRequest')?.source).toContain('UK GDPR Art 12');
  });

  it('says which figures are local and which national figures could not be confirmed (issue 16 §9)', () => {
    expect(byId.get('seriousIncidentNotification')).toMatchObject({
      status: expect.stringMatching(/^local/), source: expect.stringContaining('Serious incidents notification: standard operating procedures'),
    });
    expect(byId.get('assetPlusCompletion')?.status).toBe('local');
    for (const id of ['yroWarningWindow', 'yroWarningsBeforeBreach']) expect(byId.get(id)?.defaultText).toMatch(/responsible officer/);
    expect(byId.get('transitionPlanning')?.source).toContain('17 years and six months');
    expect(byId.get('psrReuseMaxAge')?.source).toContain('last three months');
    expect(byId.get('riskManagementMeeting')?.status).toBe('local');
  });

  it('uses FEEL-safe ids, so BPMN can read =deadlines.<id>', () => {
    for (const t of timescales) expect(t.id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(DURATION_UNITS).toContain(byId.get('planReview')?.unit);
  });

  it('refuses a malformed file with field errors', () => {
    const bad = JSON.stringify({ timescales: [{ id: 'x-y', value: 0, unit: 'fortnights', direction: 'after' }] });
    expect(() => parseTimescaleDefaults(bad)).toThrow(/timescales\[0\]\.id.*timescales\[0\]\.value/);
  });
});
