// The cases list and search over HTTP with the real database: each search criterion, each filter, sort and
// paging, team scoping (another team's case is only "a record exists"), a manager of two teams, refused
// parameters, and the audit of every search.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deployFormFiles } from '../../../server/src/application/deploy-form-files';
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

const SIAN = { givenName: 'Siân', familyName: "O'Neil-Smith", dateOfBirth: '2010-03-14', team: 'east', nhsNumber: '943 476 5919', caseManagerId: 'cm-1' };
const ids: Record<string, string> = {};

describe('cases list and search API', () => {
  let api: TasksCasesApi;
  const search = async (who: Person, query: string) => api.call('GET', `/cases?${query}`, who);
  const found = async (who: Person, query: string) => {
    const res = await search(who, query);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id);
  };
  const create = async (who: Person, body: Record<string, unknown>) => {
    const res = await api.call('POST', '/cases', who, { confirmedNotDuplicate: true, ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('case-search', { list: true });
    const form = (name: string) => ({ name, text: readFileSync(path.resolve(__dirname, '../../../forms', name), 'utf8') });
    await deployFormFiles({ forms: api.repos.forms, clock: api.clock }, [form('referral-allocation.form'), form('oocd-joint-decision.form')]);
    ids.sian = await create('cm', SIAN);
    ids.jordan = await create('cm', { givenName: 'Jordan', familyName: 'Baker', dateOfBirth: '2009-07-01', team: 'east', caseManagerId: 'cm-2' });
    ids.alex = await create('cm', { givenName: 'Alex', familyName: 'Adams', dateOfBirth: '2011-01-20', team: 'east' });
    ids.westKid = await create('west', { givenName: 'Sian', familyName: 'Oneil Smith', dateOfBirth: '2012-12-12', team: 'west' });
    // An alias, a rating from an AssetPlus assessment item, a pathway and a closed case.
    expect((await api.call('PATCH', `/cases/${ids.jordan}/sections/personal`, 'cm', { changes: { preferredName: 'Jay Jordan' }, reason: 'Known as Jay' })).status).toBe(200);
    const rated = await api.call('POST', `/cases/${ids.jordan}/sections/assessments/collections/assessments`, 'cm', {
      changes: { roshRating: 'high', safetyWellbeingRating: 'medium' }, reason: 'AssetPlus ratings',
    });
    expect(rated.status).toBe(201);
    const outcome = await api.call('POST', `/cases/${ids.jordan}/sections/offending/collections/outcomes`, 'cm', { changes: { type: 'youth-caution' }, reason: 'Joint decision' });
    expect(outcome.status).toBe(201);
    await api.repos.cases.setOwnership(ids.jordan, { pathway: 'prevention' });
    await api.repos.cases.setOwnership(ids.alex, { status: 'closed' });
  });
  afterAll(() => api.close());

  it('finds a child by name however it is spelt, by the start of a name, and by an alias', async () => {
    expect(await found('cm', 'q=sian')).toEqual([ids.sian]);
    expect(await found('cm', `q=${encodeURIComponent('SIÂN oneil-smith')}`)).toEqual([ids.sian]);
    expect(await found('cm', 'q=o%27nei')).toEqual([ids.sian]);
    expect(await found('cm', 'q=jay')).toEqual([ids.jordan]);
    expect(await found('cm', 'q=nobody')).toEqual([]);
    const jordan = (await search('cm', 'q=jay')).body.items[0];
    expect(jordan).toMatchObject({ displayName: 'Jordan Baker', aliases: ['Jay Jordan'], caseManagerName: 'Casey Second', rosh: 'high', safetyWellbeing: 'medium' });
  });

  it('finds a child by date of birth written three ways, by reference and by NHS number', async () => {
    for (const q of ['14 March 2010', '14/03/2010', '2010-03-14']) expect(await found('cm', `q=${encodeURIComponent(q)}`)).toEqual([ids.sian]);
    expect(await found('cm', `q=${ids.jordan}`)).toEqual([ids.jordan]);
    expect(await found('cm', `q=${ids.jordan.toLowerCase()}`)).toEqual([ids.jordan]);
    expect(await found('cm', `q=${encodeURIComponent('943 476 5919')}`)).toEqual([ids.sian]);
    expect(await found('cm', `q=${encodeURIComponent('Siân 1 January 2010')}`)).toEqual([]); // every part must match
  });

  it('filters by status, pathway, worker and risk ratings, and sorts', async () => {
    expect(await found('cm', 'status=closed')).toEqual([ids.alex]);
    expect(await found('cm', 'pathway=prevention')).toEqual([ids.jordan]);
    expect(await found('cm', 'worker=me')).toEqual([ids.sian]);
    expect(await found('cm', 'worker=cm-2')).toEqual([ids.jordan]);
    expect(await found('cm', 'worker=none')).toEqual([ids.alex]);
    expect(await found('cm', 'rosh=high')).toEqual([ids.jordan]);
    expect(await found('cm', 'wellbeing=medium')).toEqual([ids.jordan]);
    expect(await found('cm', 'rosh=low')).toEqual([]);
    expect(await found('cm', 'disposal=youth-caution')).toEqual([ids.jordan]);
    expect(await found('cm', 'disposal=referral-order')).toEqual([]);
    expect(await found('cm', 'sort=name')).toEqual([ids.alex, ids.jordan, ids.sian]); // Adams, Baker, O'Neil-Smith
    expect(await found('cm', 'sort=date-of-birth')).toEqual([ids.jordan, ids.sian, ids.alex]);
    expect(await found('cm', 'sort=risk')).toEqual([ids.jordan, ids.alex, ids.sian]);
    const res = await search('cm', 'pathway=prevention');
    expect(res.body.items[0].pathwayLabel).toBe('Prevention (voluntary)');
    expect(res.body.pathways).toEqual(expect.arrayContaining([{ value: 'prevention', label: 'Prevention (voluntary)' }]));
    expect(res.body.items[0].disposals).toEqual(['Youth caution']);
    expect(res.body.disposals).toEqual(expect.arrayContaining([{ value: 'youth-caution', label: 'Youth caution' }]));
    expect(res.body.workers).toEqual([{ id: 'cm-2', name: 'Casey Second' }, { id: 'cm-1', name: 'cm-1' }]);
  });

  it('another team sees only that a record exists, and only for what it already knows of the child', async () => {
    const res = await search('west', `team=all&q=${encodeURIComponent("Siân O'Neil-Smith")}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([ids.westKid]);
    expect(res.body.elsewhere).toEqual([{ id: ids.sian, team: 'east' }]);
    expect(res.body.canBreakGlass).toBe(true);
    for (const secret of ['2010-03-14', '9434765919', 'cm-1', 'open']) expect(JSON.stringify(res.body.elsewhere)).not.toContain(secret);
    expect((await search('west', 'team=all&q=2010-03-14')).body.elsewhere).toEqual([{ id: ids.sian, team: 'east' }]);
    // The start of a name, a filter, or the reader's own teams only: no other team's record.
    expect((await search('west', 'team=all&q=si')).body.elsewhere).toEqual([]);
    expect((await search('west', `team=all&q=sian&status=open`)).body.elsewhere).toEqual([]);
    expect((await search('west', 'team=mine&q=sian')).body.elsewhere).toEqual([]);
    expect(await found('west', 'q=jordan')).toEqual([]);
    // A data officer may see that it exists but has no break-glass to offer.
    expect((await search('data', 'team=all&q=2010-03-14')).body).toMatchObject({ elsewhere: [{ id: ids.sian, team: 'east' }], canBreakGlass: false });
  });

  it('a manager of two teams sees the cases of both', async () => {
    expect((await found('tm2', 'q=sian')).sort()).toEqual([ids.sian, ids.westKid].sort());
    expect((await search('tm2', 'team=all&q=sian')).body.elsewhere).toEqual([]);
    expect(await found('tm', 'q=sian')).toEqual([ids.sian]);
  });

  it('pages twenty at a time in a total order', async () => {
    for (let i = 0; i < 21; i++) await create('west', { givenName: 'Pager', familyName: `Child${String.fromCharCode(97 + i)}`, dateOfBirth: '2010-01-01', team: 'west' });
    const first = await search('west', 'q=pager&sort=name');
    const second = await search('west', 'q=pager&sort=name&page=2');
    expect(first.body).toMatchObject({ total: 21, page: 1, pageSize: 20 });
    expect(first.body.items).toHaveLength(20);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].displayName).toBe('Pager Childu');
  });

  it('refuses unknown parameters, operators, repeated or malformed values, and roles without case access', async () => {
    const before = api.audit.filter((e) => e.action === 'case.search').length;
    const unknown = await search('cm', 'q=sian&name=x');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Unknown query parameter: name/);
    for (const bad of ['q[$regex]=.*', 'q=a&q=b', 'disposal=Youth%20Caution', 'worker[$ne]=x', 'rosh=extreme', 'status=any', 'page=0', 'sort=salary', 'team=everyone']) {
      const res = await search('cm', bad);
      expect([400, 422]).toContain(res.status);
    }
    expect((await search('admin', 'q=sian')).status).toBe(403);
    expect(api.audit.filter((e) => e.action === 'case.search').length).toBe(before);
  });

  it('audits every search: who asked for what, and the cases it showed — the words typed only on each case found', async () => {
    const before = api.audit.length;
    await search('west', `team=all&q=${encodeURIComponent("Siân O'Neil-Smith")}`);
    const events = api.audit.slice(before);
    const summary = events.find((e) => e.action === 'case.search')!;
    expect(summary).toMatchObject({
      actor: { id: 'cm-west' }, recordType: 'case-search',
      after: { filters: { team: 'all', sort: 'name', page: 1 }, typed: { names: 3, datesOfBirth: 0, nhsNumbers: 0, references: 0 }, total: 1, shown: [ids.westKid], elsewhere: [ids.sian] },
    });
    expect(JSON.stringify(summary)).not.toContain('Siân');
    // Events about each case found: the audit log seals their details under that case's key (erased with it).
    expect(events.filter((e) => e.action === 'case.search-match').map((e) => [e.recordType, e.recordId, e.after])).toEqual([
      ['case', ids.westKid, { query: "Siân O'Neil-Smith", otherTeam: false }],
      ['case', ids.sian, { query: "Siân O'Neil-Smith", otherTeam: true }],
    ]);
    // Browsing a caseload types nothing: one event, none per case.
    const browsing = api.audit.length;
    await search('cm', 'worker=me');
    expect(api.audit.slice(browsing).map((e) => e.action)).toEqual(['case.search']);
  });

  it('a case written after the first search is found at once, and an erased one is gone', async () => {
    await search('cm', 'q=sian');
    const late = await create('cm', { givenName: 'Late', familyName: 'Arrival', dateOfBirth: '2010-05-05', team: 'east' });
    expect(await found('cm', 'q=late')).toEqual([late]);
    await api.call('PATCH', `/cases/${late}/sections/personal`, 'cm', { changes: { knownAs: 'Latecomer' }, reason: 'alias' });
    expect(await found('cm', 'q=latecomer')).toEqual([late]);
    await api.repos.cases.eraseCase(late);
    expect(await found('cm', 'q=late')).toEqual([]);
  });
});
