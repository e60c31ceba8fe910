import { diffSection } from '../../../server/src/domain/cases/case-amendment';
import { moveHome } from '../../../server/src/domain/cases/case-record';
import { sectionsOfForm, splitBySection } from '../../../server/src/domain/cases/form-sections';
import { isValidNhsNumber } from '../../../server/src/domain/cases/nhs-number';
import { duplicateReasons, identityKeys, normaliseName } from '../../../server/src/domain/cases/person-identity';
import { checkSectionPatch } from '../../../server/src/domain/cases/section-rules';
import type { FormDefinition } from '../../../server/src/forms-core';

describe('NHS number check digit (modulus 11)', () => {
  it.each([['9434765919', true], ['943 476 5919', true], ['943-476-5919', true], ['9434765918', false], ['943476591', false], ['abcdefghij', false]])(
    '%s → %s', (n, ok) => expect(isValidNhsNumber(n)).toBe(ok),
  );
  it('refuses numbers whose check would be 10', () => expect(isValidNhsNumber('1000000010')).toBe(false));
});

describe('identity matching', () => {
  it('normalises case, accents, apostrophes and separators', () => {
    expect(normaliseName("  Siân  O'Neil-Smith ")).toBe('sian oneil smith');
    expect(normaliseName('SIAN ONEIL SMITH')).toBe('sian oneil smith');
  });
  it('keeps the letters of every script, so no name becomes empty or loses a letter', () => {
    expect(normaliseName('Łukasz Wołoszyn')).toBe('lukasz woloszyn');
    expect(normaliseName('ŁUKASZ WOLOSZYN')).toBe('lukasz woloszyn');
    expect(normaliseName('Дмитрий')).toBe('дмитрии'); // й decomposes to и + breve, as é does to e + acute
    expect(normaliseName('ΝΙΚΟΣ')).toBe(normaliseName('Νίκος'));
    expect(normaliseName('Søren Ærø-Straße')).toBe('soren aero strasse');
    expect(normaliseName('Zoë 2nd')).toBe('zoe nd');
    expect(normaliseName('Дмитрий')).not.toBe('');
  });
  it('names each reason an existing record looks like the same child', () => {
    const a = identityKeys({ givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', nhsNumber: '943 476 5919' });
    expect(duplicateReasons(a, identityKeys({ givenName: 'ADA', familyName: 'jones', dateOfBirth: '2010-02-03' }))).toEqual(['name-and-date-of-birth']);
    expect(duplicateReasons(a, identityKeys({ givenName: 'Bo', familyName: 'X', dateOfBirth: '2011-01-01', nhsNumber: '9434765919' }))).toEqual(['nhs-number']);
    expect(duplicateReasons(a, identityKeys({ givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-04' }))).toEqual([]);
  });
});

describe('section amendments', () => {
  it('records only real changes, with previous values, and clears on null', () => {
    const { after, changes } = diffSection({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: null, d: true });
    expect(after).toEqual({ a: 1, b: 'y', d: true });
    expect(changes).toEqual([{ field: 'b', previous: 'x', value: 'y' }, { field: 'c', previous: [1] }, { field: 'd', value: true }]);
  });
  it('closes the current address when a new one starts', () => {
    const old = { line1: '1 A St', town: 'T', postcode: 'P', from: '2020-01-01' };
    expect(moveHome([old], { ...old, line1: '2 B St', from: '2026-01-01' })).toEqual([{ ...old, to: '2026-01-01' }, { ...old, line1: '2 B St', from: '2026-01-01' }]);
  });
  it('checks structured and identity fields typed in directly', () => {
    expect(checkSectionPatch('personal', { nhsNumber: '123', dateOfBirth: '2010-13-40', 'bad name': 1, addresses: [{ line1: 'x' }] })).toEqual({
      nhsNumber: expect.stringMatching(/NHS number/), dateOfBirth: expect.stringMatching(/YYYY-MM-DD/),
      'bad name': expect.stringMatching(/letters, digits/), addresses: 'Item 1 needs town, postcode, from',
    });
    expect(checkSectionPatch('family', { members: [{ name: 'Mum', relationship: 'mother' }], notes: 'ok', cleared: null })).toEqual({});
  });
});

describe('form fields → case sections', () => {
  const form = {
    id: 'f', type: 'default', components: [
      { type: 'textfield', key: 'school', properties: { section: 'education' } },
      { type: 'textarea', key: 'healthNeeds', properties: { section: 'health' } },
      { type: 'group', path: 'gp', properties: { section: 'health' }, components: [{ type: 'textfield', key: 'name' }] },
      { type: 'textfield', key: 'unfiled' },
      { type: 'text', text: '# Title', properties: { section: 'plans' } },
    ],
  } as unknown as FormDefinition;
  it('groups values by the field\'s (or enclosing group\'s) section; unsectioned values stay off the record', () => {
    const split = splitBySection(form, { school: 'S', healthNeeds: 'H', gp: { name: 'Dr' }, unfiled: 'u' });
    expect(Object.fromEntries(split)).toEqual({ education: { school: 'S' }, health: { healthNeeds: 'H', gp: { name: 'Dr' } } });
    expect(sectionsOfForm(form)).toEqual(['education', 'health']);
  });
});
