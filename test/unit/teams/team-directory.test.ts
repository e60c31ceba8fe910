// Whose cases a person reaches by the team directory, which merge or split requests are refused, and a
// move's report in words — expectations written from the rule in words (issue 23), not from the code.
import { teamReach, teamsOn, type TeamDirectory } from '../../../server/src/domain/teams/team-directory';
import { moveProblems, type TeamMove } from '../../../server/src/domain/teams/team-move';
import { moveSentences } from '../../../server/src/domain/teams/team-move-words';
import type { Team } from '../../../server/src/domain/teams/team';

const team = (key: string, extra: Partial<Team> = {}): Team => ({ key, name: `${key} team`, managerIds: [], active: true, createdAt: '2026-01-01T00:00:00Z', ...extra });

const directory: TeamDirectory = {
  teams: [team('north', { managerIds: ['tom'], headOfServiceId: 'hana' }), team('south', { headOfServiceId: 'hana' }), team('east', { managerIds: ['sam'] }), team('old', { active: false, mergedInto: 'east' })],
  memberships: [
    { id: 'a', userId: 'cara', team: 'north', from: '2026-01-01', to: '2026-12-01', reason: '' },
    { id: 'b', userId: 'cara', team: 'east', from: '2026-12-01', reason: '' },
    { id: 'c', userId: 'cara', team: 'south', from: '2027-01-04', reason: '' },
  ],
};

describe('the team directory', () => {
  it('says who is in which team on a day: the day a membership ends is the first day without it', () => {
    expect(teamsOn(directory, 'cara', '2026-11-30')).toEqual(['north']);
    expect(teamsOn(directory, 'cara', '2026-12-01')).toEqual(['east']);
    expect(teamsOn(directory, 'cara', '2027-01-04')).toEqual(['east', 'south']);
  });

  it('reaches own teams, managed teams, headed teams, and the teams merged into them', () => {
    expect(teamReach(directory, { id: 'tom', teams: [] })).toEqual(['north']);
    expect(teamReach(directory, { id: 'hana', teams: [] })).toEqual(['north', 'south']);
    expect(teamReach(directory, { id: 'sam', teams: [] })).toEqual(['east', 'old']);
    expect(teamReach(directory, { id: 'cara', teams: ['north'] })).toEqual(['north']);
  });

  it('lets both sides of a running move reach both teams', () => {
    expect(teamReach({ ...directory, moving: [['south', 'east']] }, { id: 'sam', teams: [] })).toEqual(['east', 'old', 'south']);
  });

  it('refuses a move with reasons a person can act on', () => {
    const teams = directory.teams;
    expect(moveProblems({ kind: 'merge', sources: [], target: 'north', reason: '' }, teams)).toEqual({
      sources: 'Choose the teams to move from, from the list', reason: expect.stringMatching(/^Say why/),
    });
    expect(moveProblems({ kind: 'merge', sources: ['old'], target: 'north', reason: 'x' }, teams)).toHaveProperty('sources');
    expect(moveProblems({ kind: 'split', sources: ['north'], target: 'west', reason: 'x', caseIds: ['YJ-1'] }, teams)).toEqual({ targetName: 'Give the new team’s name' });
    expect(moveProblems({ kind: 'split', sources: ['north'], target: 'north', reason: 'x', caseIds: ['YJ-1'] }, teams)).toHaveProperty('target');
    expect(moveProblems({ kind: 'split', sources: ['north'], target: 'east', reason: 'x', caseIds: [] }, teams)).toHaveProperty('caseIds');
    expect(moveProblems({ kind: 'merge', sources: ['south'], target: 'north', reason: 'Restructure' }, teams)).toEqual({});
  });
});

describe('what a move moved, in words', () => {
  const words = { team: (k: string) => `${k[0]!.toUpperCase()}${k.slice(1)} team`, person: (id: string) => ({ ann: 'Ann Able', bob: 'Bob Bell' })[id] ?? id, queue: (g: string) => (g === 'case-managers' ? 'Case managers' : g) };
  const split: TeamMove = {
    id: 'm1', kind: 'split', sources: ['north'], target: 'east', on: '2026-12-01', caseIds: [], userIds: [], reason: 'x', startedAt: '', startedBy: { id: 'ada', name: 'Ada' }, state: 'done',
    moved: { cases: ['YJ-1', 'YJ-2'], tasks: ['t1', 't2', 't3'], members: [], managers: [], queues: ['case-managers|t1', 'case-managers|t2', 'victims|t3'] },
    toReallocate: [{ caseId: 'YJ-1', userId: 'bob' }],
    released: [{ taskId: 't1', userId: 'ann', task: 'Plan' }, { taskId: 't2', userId: 'bob', task: 'Review' }],
  };

  it('counts, names the queues and the people, and lists the work a manager should allocate again', () => {
    expect(moveSentences(split, words)).toEqual([
      '2 cases moved from North team to East team.',
      '3 open tasks went with them to East team’s queues (2 in the Case managers queue and 1 in the victims queue).',
      'Nobody changed team.',
      '2 tasks were given back to East team’s queue, because the people working on them are not in East team: Plan (Ann Able) and Review (Bob Bell).',
      '1 moved case needs a new case manager, because its case manager is not in East team: YJ-1 (Bob Bell).',
    ]);
  });

  it('says which teams a finished merge retired, and the managers added', () => {
    const merge: TeamMove = { ...split, kind: 'merge', sources: ['south', 'west'], moved: { cases: ['YJ-3'], tasks: [], members: ['bob', 'ann'], managers: ['bob', 'ann'] }, toReallocate: [], released: [] };
    expect(moveSentences(merge, words)).toEqual([
      '1 case moved from South team and West team to East team.',
      '0 open tasks went with it to East team’s queues.',
      '2 people left South team and West team and joined East team: Ann Able and Bob Bell.',
      'Ann Able and Bob Bell now also manage East team.',
      'South team and West team are former teams: figures filed under them show under East team.',
    ]);
  });
});
