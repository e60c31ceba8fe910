// Prefill of the intake's first task: the referral's start variables use the keys of the first form's
// fields (so the task page starts each field from them), and every referral source the page offers is an
// option of that form's select (or the prefilled value would be refused).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeFields, type FormDefinition } from '../../../server/src/forms-core';
import { REFERRAL_SOURCES, REFERRED_BY_SECTION, referralStartVariables } from '../../../server/src/domain/cases/referral-start-variables';
import { referralAgeWarning, ageOn } from '../../../server/src/domain/cases/referral-age';

const form = JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms/referral-person-match.form'), 'utf8')) as FormDefinition;

describe('referral start variables', () => {
  it('every detail the referral recorded is a field of the first form (same key)', () => {
    const vars = referralStartVariables({ givenName: ' Sam ', familyName: 'Smith', dateOfBirth: '2010-03-14', referralSource: 'court' }, new Date('2026-12-02T09:00:00Z'));
    const keys = describeFields(form).map((f) => f.path);
    expect(Object.keys(vars).filter((k) => k !== 'referralReceivedAt').every((k) => keys.includes(k))).toBe(true);
    expect(vars).toEqual({ referralReceivedAt: '2026-12-02T09:00:00.000Z', referralSource: 'court', matchOutcome: 'new', givenName: 'Sam', familyName: 'Smith', dateOfBirth: '2010-03-14' });
  });

  it('the referral sources are the options of the form’s referral source', () => {
    const select = form.components.find((c) => c.key === 'referralSource')!;
    expect(REFERRAL_SOURCES.map((s) => s.value).sort()).toEqual(select.values!.map((v) => v.value).sort());
  });

  it('the referral files "Referred by" in the section the form files it, under the label the referral page shows', () => {
    const select = form.components.find((c) => c.key === 'referralSource')!;
    expect(select.properties?.section).toBe(REFERRED_BY_SECTION);
    expect(select.label).toBe('Referred by');
  });
});

describe('age on the referral date', () => {
  it('counts whole years, birthday included', () => {
    expect([ageOn('2010-03-14', '2026-03-13'), ageOn('2010-03-14', '2026-03-14')]).toEqual([15, 16]);
  });
  it('warns below 10 and above 17, not between', () => {
    expect(referralAgeWarning('2016-12-03', '2026-12-02')).toMatch(/^The child would be 9 years old/);
    expect(referralAgeWarning('2016-12-02', '2026-12-02')).toBeUndefined();
    expect(referralAgeWarning('2008-12-03', '2026-12-02')).toBeUndefined();
    expect(referralAgeWarning('2008-12-02', '2026-12-02')).toMatch(/^The child would be 18 years old/);
  });
});
