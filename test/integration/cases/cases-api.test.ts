import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const child = { givenName: 'Siân', familyName: "O'Neil-Smith", dateOfBirth: '2011-05-04', team: 'east', nhsNumber: '943 476 5919' };

describe('case records API', () => {
  let api: TasksCasesApi;
  let caseId: string;

  beforeAll(async () => {
    api = await startTasksCasesApi('cases');
    const created = await api.call('POST', '/cases', 'cm', child);
    expect(created.status).toBe(201);
    caseId = created.body.id;
    // A team manager records restricted facts a case manager must never receive.
    expect((await api.call('PATCH', `/cases/${caseId}/sections/health`, 'tm', { changes: { camhs: 'SECRET-HEALTH-CAMHS' }, reason: 'screening' })).status).toBe(200);
    expect((await api.call('PATCH', `/cases/${caseId}/sections/victims`, 'tm', { changes: { victimName: 'SECRET-VICTIM-NAME' }, reason: 'police referral' })).status).toBe(200);
  });
  afterAll(() => api.close());

  it('creates a case whose personal section holds the identity, with an amendment from the referral', async () => {
    const { body } = await api.call('GET', `/cases/${caseId}`, 'cm');
    expect(body).toMatchObject({ id: caseId, displayName: "Siân O'Neil-Smith", dateOfBirth: '2011-05-04', team: 'east', status: 'open' });
    expect(body.sections.personal.values).toMatchObject({ givenName: 'Siân', nhsNumber: '9434765919' });
    const history = await api.call('GET', `/cases/${caseId}/amendments?section=personal`, 'cm');
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ seq: 1, by: 'cm-1', source: { kind: 'referral' } });
  });

  it('refuses a likely duplicate (same normalised name and date of birth) naming the match, unless confirmed', async () => {
    const again = { givenName: 'SIAN', familyName: 'oneil smith', dateOfBirth: '2011-05-04', team: 'east' };
    const dup = await api.call('POST', '/cases', 'cm', again);
    expect(dup.status).toBe(422);
    expect(dup.body.error.code).toBe('POSSIBLE_DUPLICATE');
    expect(dup.body.errors.duplicates).toBe("Siân O'Neil-Smith, born 4 May 2011 (same name and date of birth)"); // by name, not reference
    const search = await api.call('GET', '/cases/duplicates?givenName=Sian&familyName=ONeil-Smith&dateOfBirth=2011-05-04', 'cm');
    expect(search.body.items).toEqual([expect.objectContaining({ caseId, reasons: ['name-and-date-of-birth'] })]);
    const confirmed = await api.call('POST', '/cases', 'cm', { ...again, confirmedNotDuplicate: true });
    expect(confirmed.status).toBe(201);
  });

  it('matches on NHS number alone, and rejects an NHS number whose check digit fails', async () => {
    const byNhs = await api.call('GET', '/cases/duplicates?givenName=Other&familyName=Name&dateOfBirth=2010-01-01&nhsNumber=9434765919', 'cm');
    expect(byNhs.body.items).toEqual([expect.objectContaining({ caseId, reasons: ['nhs-number'] })]);
    const bad = await api.call('POST', '/cases', 'cm', { ...child, givenName: 'New', nhsNumber: '9434765918' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.nhsNumber).toMatch(/^Enter a valid NHS number/);
  });

  it('a case manager never receives health or victims data, in the record or its history', async () => {
    const record = await api.call('GET', `/cases/${caseId}`, 'cm');
    expect(record.status).toBe(200);
    expect(record.body.withheldSections).toEqual(['health', 'victims']);
    expect(Object.keys(record.body.sections)).toEqual(['personal']);
    const history = await api.call('GET', `/cases/${caseId}/amendments`, 'cm');
    for (const text of [record.text, history.text]) {
      expect(text).not.toContain('SECRET-HEALTH');
      expect(text).not.toContain('SECRET-VICTIM');
    }
    const asked = await api.call('GET', `/cases/${caseId}/amendments?section=health`, 'cm');
    expect(asked.body).toEqual({ items: [], withheldSections: ['health'] });
  });

  it('a health worker reads health but not victims; a victim worker the reverse', async () => {
    const hw = await api.call('GET', `/cases/${caseId}`, 'hw');
    expect(hw.body.sections.health.values.camhs).toBe('SECRET-HEALTH-CAMHS');
    expect(hw.text).not.toContain('SECRET-VICTIM');
    const vw = await api.call('GET', `/cases/${caseId}`, 'vw');
    expect(vw.body.sections.victims.values.victimName).toBe('SECRET-VICTIM-NAME');
    expect(vw.text).not.toContain('SECRET-HEALTH');
  });

  it('refuses writes to unwritable sections with 403 and changes nothing', async () => {
    const before = api.audit.length;
    const res = await api.call('PATCH', `/cases/${caseId}/sections/health`, 'cm', { changes: { camhs: 'x' }, reason: 'r' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('SECTION_NOT_WRITABLE');
    expect(api.audit.length).toBe(before);
    expect((await api.call('GET', `/cases/${caseId}`, 'hw')).body.sections.health.values.camhs).toBe('SECRET-HEALTH-CAMHS');
  });

  it('refuses a date of birth in the future or not on the calendar, and says so in plain English', async () => {
    const future = await api.call('POST', '/cases', 'cm', { ...child, givenName: 'Future', dateOfBirth: '2031-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual({ dateOfBirth: 'Date of birth must be today or in the past' });
    const impossible = await api.call('POST', '/cases', 'cm', { ...child, givenName: 'Leap', dateOfBirth: '2011-02-30' });
    expect(impossible.body.errors).toEqual({ dateOfBirth: 'Date of birth must be a real date' });
    const empty = await api.call('POST', '/cases', 'cm', { ...child, givenName: ' ', team: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual({ givenName: 'Given name must not be empty', team: 'Team must not be empty' });
    const amended = await api.call('PATCH', `/cases/${caseId}/sections/personal`, 'cm', { changes: { dateOfBirth: '2031-01-01' }, reason: 'typo' });
    expect(amended.status).toBe(422);
    expect(amended.body.errors).toEqual({ dateOfBirth: 'Date of birth must be today or in the past' });
  });

  it('returns validation errors as data and stores nothing', async () => {
    const res = await api.call('PATCH', `/cases/${caseId}/sections/personal`, 'cm', { changes: { nhsNumber: '123', dateOfBirth: '4 May' }, reason: '' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['dateOfBirth', 'nhsNumber', 'reason']);
    expect((await api.call('GET', `/cases/${caseId}/amendments?section=personal`, 'cm')).body.items).toHaveLength(1);
  });

  it('keeps amendment history with who, when, why and the previous value; a move keeps the old address', async () => {
    const home = { line1: '1 High St', town: 'Leeds', postcode: 'LS1 1AA', from: '2020-01-01' };
    await api.call('PATCH', `/cases/${caseId}/sections/personal`, 'cm', { changes: { newAddress: home }, reason: 'referral form' });
    const moved = await api.call('PATCH', `/cases/${caseId}/sections/personal`, 'cm2', {
      changes: { familyName: 'Smith', newAddress: { line1: '2 Low Rd', town: 'Leeds', postcode: 'LS2 2BB', from: '2026-11-01' } }, reason: 'moved; name corrected by mother',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.displayName).toBe('Siân Smith');
    expect(moved.body.sections.personal.values.addresses).toEqual([{ ...home, to: '2026-11-01' }, expect.objectContaining({ line1: '2 Low Rd' })]);
    const [latest] = (await api.call('GET', `/cases/${caseId}/amendments?section=personal&limit=1`, 'cm')).body.items;
    expect(latest).toMatchObject({ seq: 3, by: 'cm-2', at: '2026-11-24T10:00:00.000Z', source: { kind: 'manual', reason: 'moved; name corrected by mother' } });
    expect(latest.changes).toContainEqual({ field: 'familyName', previous: "O'Neil-Smith", value: 'Smith' });
    expect(api.audit.find((e) => e.action === 'case.write' && e.reason === 'moved; name corrected by mother')).toMatchObject({
      actor: { id: 'cm-2' }, sections: ['personal'], before: { familyName: "O'Neil-Smith" }, after: { familyName: 'Smith' },
    });
  });

  it('lets simultaneous amendments of one section all land, each with its own number', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((f) =>
      api.call('PATCH', `/cases/${caseId}/sections/education`, 'cm', { changes: { [f]: f.toUpperCase() }, reason: 'parallel' })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const { body } = await api.call('GET', `/cases/${caseId}`, 'cm');
    expect(body.sections.education.values).toEqual({ a: 'A', b: 'B', c: 'C', d: 'D' });
    const seqs = (await api.call('GET', `/cases/${caseId}/amendments?section=education`, 'cm')).body.items.map((a: { seq: number }) => a.seq);
    expect(seqs.sort()).toEqual([1, 2, 3, 4]);
  });

  it('hides cases of other teams unless a reason is given (break glass); admins see no case data', async () => {
    const refused = await api.call('GET', `/cases/${caseId}`, 'west');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('BREAK_GLASS_REASON_REQUIRED');
    expect((await api.call('GET', `/cases/${caseId}?reason=${encodeURIComponent('urgent police call out of hours')}`, 'west')).status).toBe(200);
    expect(api.audit.at(-1)).toMatchObject({
      actor: { id: 'cm-west' }, action: 'case.read', recordId: caseId, reason: 'urgent police call out of hours', flagged: true,
      sections: ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies'],
    });
    expect((await api.call('GET', `/cases/${caseId}`, 'admin')).status).toBe(403);
    expect((await api.call('GET', '/cases/YJ-NOPE', 'cm')).status).toBe(404);
  });

  it('answers 400 naming unknown query parameters, and 401 without a user', async () => {
    const res = await api.call('GET', `/cases/${caseId}?sections=health&x=1`, 'cm');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Unknown query parameters: sections, x/);
    expect((await api.call('GET', `/cases/${caseId}`, undefined)).status).toBe(401);
  });
});
