// The referral's checks (issue 18): a date of birth in the future is refused beside the field, in words;
// an age outside 10 to 17 on the referral date is a warning returned with the new case (the page asks the
// referrer to confirm it first), not a refusal; a likely duplicate is named by the child's name and date of
// birth, and another team's record is only said to exist (its reference only to open it by break glass).
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('referral checks: date of birth, age warning, duplicates in words', () => {
  let api: TasksCasesApi;
  beforeAll(async () => { api = await startTasksCasesApi('referral-checks'); }); // the clock says 24 November 2026
  afterAll(() => api.close());

  it('a date of birth after today is refused beside the field and no case is made', async () => {
    const res = await api.call('POST', '/cases', 'cm', { givenName: 'Tomorrow', familyName: 'Child', dateOfBirth: '2026-11-25', team: 'east' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual({ dateOfBirth: 'Date of birth must be today or in the past' });
    const search = await api.call('GET', '/cases/duplicates?givenName=Tomorrow&familyName=Child&dateOfBirth=2026-11-24', 'cm');
    expect(search.body.items).toEqual([]);
  });

  it('a child who is 9 on the referral date is opened with a warning on the date of birth; 10 and 17 are not warned', async () => {
    const nine = await api.call('POST', '/cases', 'cm', { givenName: 'Nia', familyName: 'Young', dateOfBirth: '2016-11-25', team: 'east' });
    expect(nine.status).toBe(201);
    expect(nine.body.warnings).toEqual({ dateOfBirth: expect.stringMatching(/^The child would be 9 years old on the referral date\. .*aged 10 to 17/) });
    const ten = await api.call('POST', '/cases', 'cm', { givenName: 'Tia', familyName: 'Ten', dateOfBirth: '2016-11-24', team: 'east' });
    expect([ten.status, ten.body.warnings]).toEqual([201, undefined]);
    const seventeen = await api.call('POST', '/cases', 'cm', { givenName: 'Sev', familyName: 'Teen', dateOfBirth: '2008-11-25', team: 'east' });
    expect([seventeen.status, seventeen.body.warnings]).toEqual([201, undefined]);
    const eighteen = await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Adult', dateOfBirth: '2008-11-24', team: 'east' });
    expect(eighteen.body.warnings.dateOfBirth).toMatch(/^The child would be 18 years old/);
  });

  it('a likely duplicate is named by the child and their date of birth, in words; another team’s only said to exist', async () => {
    const mine = await api.call('POST', '/cases', 'cm', { givenName: 'Sam', familyName: 'Smith', dateOfBirth: '2010-03-14', team: 'east' });
    const theirs = await api.call('POST', '/cases', 'west', { givenName: 'Sam', familyName: 'Smith', dateOfBirth: '2010-03-14', team: 'west', confirmedNotDuplicate: true });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const again = await api.call('POST', '/cases', 'cm', { givenName: 'sam', familyName: 'SMITH', dateOfBirth: '2010-03-14', team: 'east' });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe('This child may already be known: Sam Smith, born 14 March 2010 (same name and date of birth); '
      + 'a record in West team (same name and date of birth). Open the existing record, or confirm this is a different child.');
    expect(again.text).not.toContain(theirs.body.id);

    const q = '/cases/duplicates?givenName=Sam&familyName=Smith&dateOfBirth=2010-03-14';
    const items = (await api.call('GET', q, 'cm')).body.items as { team: string }[];
    expect(items.find((m) => m.team === 'east')).toEqual({ reasons: ['name-and-date-of-birth'], caseId: mine.body.id, displayName: 'Sam Smith', dateOfBirth: '2010-03-14', team: 'east' });
    // Another team's: that it exists and whose; its reference only to open it with a reason (break glass).
    expect(items.find((m) => m.team === 'west')).toEqual({ reasons: ['name-and-date-of-birth'], team: 'west', breakGlassId: theirs.body.id });
  });
});
