// Teams as data (issue 23's done-when): on the whole product, the demo teams are seeded from the demo
// accounts; two teams merge and their cases, open tasks and queues go with them, with a report of what moved;
// a split moves the named cases and people to a new team, and gives a moved task back to the queue when the
// person holding it cannot follow; a head of service reaches every team they head; the users page takes teams
// from the directory only and records its changes as dated memberships at once; and a move cut short
// part-way is finished by running it again, with nothing lost and nothing recorded twice.
// Expectations are written from the demo data (seed-demo-users.ts's people), not from the team code.
import { runMove, startMove } from '../../../server/src/application/teams/move-teams';
import { demoSessions, type Reply } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

describe('teams as data: merging and splitting teams', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  const ids: Record<string, string> = {};
  const cases: Record<string, string> = {};
  let southTask = '';

  const newCase = async (who: string, familyName: string, team: string) => {
    const res = await call(who, 'POST', '/cases', { givenName: 'Teams', familyName, dateOfBirth: '2011-02-03', team });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const teamOf = async (caseId: string) => (await system.modules.tasks.cases.findById(caseId))!.team;
  const queue = async (who: string): Promise<string[]> => (await call(who, 'GET', '/tasks?queue=team')).body.items.map((t: { id: string }) => t.id);
  // 200, or refused (another team's case: 403 asks for a break-glass reason, 404 when the role has none).
  const sees = async (who: string, caseId: string) => {
    const { status } = await call(who, 'GET', `/cases/${encodeURIComponent(caseId)}`);
    return status === 403 || status === 404 ? 'refused' : status;
  };
  const teams = async () => (await call('ada.admin', 'GET', '/admin/teams')).body;
  const auditCount = (action: string, recordId: string) => system.conn.collection('audit_events').countDocuments({ action, recordId });
  const auditOf = async (action: string, recordId: string) => (await system.modules.security.audit.search({ action, recordId }, { offset: 0, limit: 5 })).items;

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['ada.admin', 'tom.manager', 'sam.manager', 'hana.head', 'cara.case', 'sol.case', 'vicky.victim']) await signIn(u);
    for (const u of await system.conn.collection('users').find({}).toArray()) ids[u.username as string] = String(u._id);
    cases.north = await newCase('tom.manager', 'North', 'north');
    cases.south1 = await newCase('sam.manager', 'SouthOne', 'south');
    cases.south2 = await newCase('sam.manager', 'SouthTwo', 'south');
    const started: Reply = await call('sol.case', 'POST', `/cases/${encodeURIComponent(cases.south1)}/processes`, {
      processId: 'victim-contact', variables: { crimeReportedAt: '2026-11-23', detailsReceivedAt: '2026-11-24', enhancedRights: true },
    });
    expect(started.status).toBe(201);
    southTask = started.body.firstTask.id;
  }, 120_000);
  afterAll(() => system?.close());

  it('seeds the demo teams from the demo accounts, in words, with managers and the head of service', async () => {
    const body = await teams();
    const byKey = Object.fromEntries(body.teams.map((t: { key: string }) => [t.key, t]));
    expect(Object.keys(byKey).sort()).toEqual(['north', 'south']);
    expect(byKey.north).toMatchObject({ name: 'North team', active: true, managers: [{ name: 'Tom Manager' }], headOfService: { name: 'Hana Head' } });
    expect(byKey.south).toMatchObject({ name: 'South team', managers: [{ name: 'Sam Manager' }], headOfService: { name: 'Hana Head' } });
    expect(byKey.south.members.map((m: { name: string }) => m.name)).toEqual(['Dan Data', 'Hana Head', 'Sam Manager', 'Sol Case']);
    expect((await call('tom.manager', 'GET', '/admin/teams')).status).toBe(403);
  });

  it('merges South into North: cases, open tasks, queues, people and managers move, with a report', async () => {
    expect(await sees('tom.manager', cases.south1)).toBe('refused');
    expect(await queue('vicky.victim')).not.toContain(southTask);
    const res = await call('ada.admin', 'POST', '/admin/teams/moves', { kind: 'merge', sources: ['south'], target: 'north', reason: 'Restructure of 2026' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'merge', state: 'done', sources: [{ key: 'south', name: 'South team' }], target: { key: 'north', name: 'North team' },
      counts: { cases: 2, tasks: 1, members: 4, managers: 1, toReallocate: 0 },
      tasks: [southTask], managers: [{ name: 'Sam Manager' }],
    });
    expect([...res.body.cases].sort()).toEqual([cases.south1, cases.south2].sort());
    expect(await teamOf(cases.south1)).toBe('north');
    expect((await system.modules.tasks.tasks.findById(southTask))!.team).toBe('north');
    expect(await sees('tom.manager', cases.south1)).toBe(200);
    expect(await queue('vicky.victim')).toContain(southTask);
    const sam = await system.modules.security.users.findById(ids['sam.manager']);
    expect(sam!.teams).toEqual(['north']);
    const after = await teams();
    expect(after.teams.find((t: { key: string }) => t.key === 'south')).toMatchObject({ active: false, mergedInto: { name: 'North team' }, members: [] });
    expect(await auditCount('case.team-moved', cases.south1)).toBe(1);
    // The report in words, and the same words in the audit of the move.
    const report = [
      '2 cases moved from South team to North team.',
      '1 open task went with them to North team’s queues (1 in the Victim workers queue).',
      '4 people left South team and joined North team: Dan Data, Hana Head, Sam Manager and Sol Case.',
      'Sam Manager now also manages North team.',
      'South team is a former team: figures filed under it show under North team.',
    ];
    expect(res.body.report).toEqual(report);
    const [completed, ...again] = await auditOf('team.merge-completed', res.body.id);
    expect(again).toEqual([]);
    expect(completed!.after).toMatchObject({ cases: 2, tasks: 1, sources: ['South team'], target: 'North team', report });
    expect(completed!.reason).toBe('Restructure of 2026');
  });

  it('splits named cases and people into a new team; its head of service reaches it, the old manager does not', async () => {
    // Vicky (North, staying) holds an open task of a case that goes to East: it goes back to East's queue.
    const started: Reply = await call('vicky.victim', 'POST', `/cases/${encodeURIComponent(cases.south2)}/processes`, {
      processId: 'victim-contact', variables: { crimeReportedAt: '2026-11-23', detailsReceivedAt: '2026-11-24', enhancedRights: true },
    });
    expect(started.status).toBe(201);
    const held = started.body.firstTask as { id: string; name: string };
    expect((await call('vicky.victim', 'POST', `/tasks/${held.id}/claim`)).status).toBe(200);
    const res = await call('ada.admin', 'POST', '/admin/teams/moves', {
      kind: 'split', sources: ['north'], target: 'east', targetName: 'East team', caseIds: [cases.south2], userIds: [ids['sol.case']], reason: 'East office opens',
    });
    expect([res.status, res.body.errors]).toEqual([201, undefined]);
    expect(res.body).toMatchObject({ counts: { cases: 1, tasks: 1, members: 1, released: 1 }, cases: [cases.south2], members: [{ name: 'Sol Case' }] });
    expect(res.body.report).toEqual([
      '1 case moved from North team to East team.',
      '1 open task went with it to East team’s queues (1 in the Victim workers queue).',
      '1 person left North team and joined East team: Sol Case.',
      `1 task was given back to East team’s queue, because the person working on it is not in East team: ${held.name} (Vicky Victim).`,
    ]);
    const task = (await system.modules.tasks.tasks.findById(held.id))!;
    expect([task.team, task.assignee]).toEqual(['east', undefined]);
    expect((await auditOf('task.reassign', held.id)).map((e) => [e.before, e.after])).toEqual([[{ assignee: ids['vicky.victim'] }, { assignee: null, caseId: cases.south2, move: res.body.id }]]);
    expect(await teamOf(cases.south2)).toBe('east');
    expect(await teamOf(cases.south1)).toBe('north');
    expect(await sees('tom.manager', cases.south2)).toBe('refused');
    expect(await sees('sol.case', cases.south2)).toBe(200);
    expect(await sees('sol.case', cases.south1)).toBe('refused');
    expect(await sees('hana.head', cases.south2)).toBe('refused'); // Hana is in North only; East has no head yet
    const head = await call('ada.admin', 'PATCH', '/admin/teams/east', { headOfServiceId: ids['hana.head'] });
    expect(head.status).toBe(200);
    expect(await sees('hana.head', cases.south2)).toBe(200);
    // Issue 21's dashboards: the head of service compares all their teams; a team manager has only theirs.
    const reportTeams = async (who: string, path: string) => (await call(who, 'GET', `/reports/${path}`)).body.options.teams as string[];
    for (const path of ['timeliness', 'kpis']) {
      expect(await reportTeams('hana.head', path)).toEqual(expect.arrayContaining(['east', 'north']));
      expect(await reportTeams('tom.manager', path)).not.toContain('east');
    }
    expect((await call('tom.manager', 'GET', '/reports/timeliness?team=east')).status).toBe(403);
  });

  it('takes teams on the users page from the directory only, and records a change there as memberships at once', async () => {
    const vicky = ids['vicky.victim'];
    const patch = (teams: unknown) => call('ada.admin', 'PATCH', `/users/${vicky}`, { teams });
    const unknown = await patch(['north', 'atlantis']);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.teams).toBe('There is no team “atlantis”. Choose from East team, North team, or add the team on the Teams page first');
    expect((await patch(['south'])).body.errors.teams).toMatch(/^South team was merged into North team\. Choose from/);
    expect((await patch(['north', 'east'])).status).toBe(200);
    const east = async () => (await teams()).teams.find((t: { key: string }) => t.key === 'east');
    const mine = async () => (await east()).history.filter((h: { id: string }) => h.id === vicky);
    expect((await east()).members.map((m: { name: string }) => m.name)).toContain('Vicky Victim');
    expect(await mine()).toEqual([{ id: vicky, name: 'Vicky Victim', from: expect.any(String), reason: 'Changed on the users page by Ada Admin' }]);
    expect((await patch(['north'])).status).toBe(200);
    const [left] = await mine();
    expect(left.to).toBe(left.from); // left on the day she joined: nothing is deleted
    expect((await system.modules.security.users.findById(vicky))!.teams).toEqual(['north']);
    // An account's team the directory no longer lists still saves unchanged (accounts from before a restructure).
    await system.modules.security.users.update(vicky, { teams: ['north', 'south'] });
    expect((await call('ada.admin', 'PATCH', `/users/${vicky}`, { displayName: 'Vicky Victim', teams: ['north', 'south'] })).status).toBe(200);
    await system.modules.security.users.update(vicky, { teams: ['north'] });
  });

  it('refuses a split of cases that are not in the team, and moves nothing', async () => {
    const res = await call('ada.admin', 'POST', '/admin/teams/moves', { kind: 'split', sources: ['east'], target: 'west', targetName: 'West team', caseIds: [cases.north], reason: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors.caseIds).toMatch(/Not cases of east/);
    expect(await teamOf(cases.north)).toBe('north');
    expect((await call('ada.admin', 'POST', '/admin/teams/moves', { kind: 'merge', sources: { $gt: '' }, target: 'north', reason: 'x' })).status).toBe(422);
  });

  it('finishes a merge interrupted part-way when it is run again: nothing lost, nothing recorded twice', async () => {
    const extra = [await newCase('tom.manager', 'NorthTwo', 'north'), await newCase('tom.manager', 'NorthThree', 'north')];
    const deps = system.modules.teams.moveDeps;
    let writes = 0;
    const failing = { ...deps, cases: { setOwnership: async (id: string, change: { team?: string }) => {
      if (++writes > 2) throw new Error('server stopped');
      await deps.cases.setOwnership(id, change);
    } } };
    const admin = { id: ids['ada.admin'], roles: ['admins'], displayName: 'Ada Admin' };
    await expect(startMove(failing, admin, { kind: 'merge', sources: ['north'], target: 'east', reason: 'One team' })).rejects.toThrow('server stopped');
    const [interrupted] = (await system.modules.teams.moveDeps.teams.moves()).filter((m) => m.state === 'running');
    expect(interrupted!.caseIds.length).toBe(4); // North's cases: north, south1 and the two new ones
    // While it runs, nobody loses a case: Tom (North) still reaches the ones already moved to East.
    const moved = (await Promise.all(interrupted!.caseIds.map(async (id) => [id, await teamOf(id)]))).filter(([, t]) => t === 'east');
    expect(moved.length).toBe(2);
    expect(await sees('tom.manager', moved[0]![0]!)).toBe(200);

    const done = await runMove(deps, interrupted!.id);
    expect(done.state).toBe('done');
    expect([...done.moved.cases].sort()).toEqual([cases.north, cases.south1, ...extra].sort());
    expect(done.moved.tasks).toEqual([southTask]);
    for (const id of done.moved.cases) {
      expect(await teamOf(id)).toBe('east');
      expect(await auditCount('case.team-moved', id)).toBe(id === cases.south1 ? 2 : 1); // once a move (South1 went in the merge too)
    }
    expect((await system.modules.tasks.tasks.findById(southTask))!.team).toBe('east');
    expect(await sees('tom.manager', cases.north)).toBe(200); // Tom now manages East
    expect((await runMove(deps, interrupted!.id)).moved.cases.length).toBe(4); // a third run changes nothing
  });
});
