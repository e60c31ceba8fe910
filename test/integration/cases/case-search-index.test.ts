// The cases list's index on the real database: kept in memory it follows every write the case repository
// makes (also one racing its first load); not kept (several servers) it reads the cases each time, only the
// teams asked for.
import { MongoCaseRepository } from '../../../server/src/adapters/mongo/case.repository';
import { MongoCaseSearchIndex } from '../../../server/src/adapters/mongo/case-search.index';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

describe('case search index', () => {
  let api: TasksCasesApi;
  const create = async (who: 'cm' | 'west', body: Record<string, unknown>) =>
    (await api.call('POST', '/cases', who, { confirmedNotDuplicate: true, dateOfBirth: '2010-01-01', ...body })).body.id as string;

  beforeAll(async () => { api = await startTasksCasesApi('case-search-index'); });
  afterAll(() => api.close());

  it('kept: a write racing the first load is in the rows once both are done', async () => {
    const east = await create('cm', { givenName: 'Early', familyName: 'Bird', team: 'east' });
    const index = new MongoCaseSearchIndex(api.repos.cases.cases as never, api.repos.cases, { keep: true });
    const [, late] = await Promise.all([
      index.rows(),
      create('cm', { givenName: 'Racing', familyName: 'Write', team: 'east' }),
      api.repos.cases.setOwnership(east, { caseManagerId: 'cm-2' }),
    ]);
    const rows = await index.rows();
    expect(rows.find((r) => r.id === late)?.displayName).toBe('Racing Write');
    expect(rows.find((r) => r.id === east)?.caseManagerId).toBe('cm-2');
    expect(await index.rowsOf([late, 'YJ-NONE'])).toEqual([expect.objectContaining({ id: late })]);
  });

  it('kept: two searches at once both see a case written before them', async () => {
    const index = new MongoCaseSearchIndex(api.repos.cases.cases as never, api.repos.cases, { keep: true });
    await index.rows();
    const fresh = await create('cm', { givenName: 'Both', familyName: 'See', team: 'east' });
    const [a, b] = await Promise.all([index.rows(), index.rows()]);
    expect([a.some((r) => r.id === fresh), b.some((r) => r.id === fresh)]).toEqual([true, true]);
  });

  it('kept: the start-up scan of the case repository fills the rows too, so a start reads the cases once', async () => {
    const before = await create('cm', { givenName: 'Scanned', familyName: 'Once', team: 'east' });
    const repo = new MongoCaseRepository(api.repos.cases.cases.db, { cacheLabels: true });
    const index = new MongoCaseSearchIndex(repo.cases as never, repo, { keep: true });
    const scans = jest.spyOn(repo.cases, 'find');
    await repo.warmUp(() => false, index.startUpRider());
    const rows = await index.rows();
    expect(scans).toHaveBeenCalledTimes(1);
    expect(rows.find((r) => r.id === before)?.displayName).toBe('Scanned Once');
    expect(await repo.labelsOf([before])).toEqual([expect.objectContaining({ displayName: 'Scanned Once' })]);
  });

  it('kept: a scan stopped early leaves the rows to the first search, which sees every case', async () => {
    const repo = new MongoCaseRepository(api.repos.cases.cases.db, { cacheLabels: true });
    const index = new MongoCaseSearchIndex(repo.cases as never, repo, { keep: true });
    await repo.warmUp(() => true, index.startUpRider());
    const all = await api.repos.cases.cases.countDocuments({});
    expect((await index.rows()).length).toBe(all);
  });

  it('not kept: every call reads the database, only the teams asked for', async () => {
    const west = await create('west', { givenName: 'Western', familyName: 'Child', team: 'west' });
    const index = new MongoCaseSearchIndex(api.repos.cases.cases as never, api.repos.cases, { keep: false });
    expect((await index.rows({ teams: ['east'] })).map((r) => r.team)).not.toContain('west');
    expect((await index.rows()).map((r) => r.id)).toContain(west);
    const after = await create('west', { givenName: 'Another', familyName: 'Child', team: 'west' });
    expect((await index.rows({ teams: ['west'] })).map((r) => r.id)).toEqual(expect.arrayContaining([west, after]));
  });
});
