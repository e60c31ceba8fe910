// Whose cases a person reaches by the team directory, and which merge or split requests are refused —
// expectations written from the rule in words (issue 23), not from the code.
import { teamReach, teamsOn, type TeamDirectory } from '../../../server/src/domain/teams/team-directory';
import { moveProblems } from '../../../server/src/domain/teams/team-move';
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
