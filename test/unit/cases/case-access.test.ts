// The one case-scoping rule (case-access.ts), against the real permission table: expectations are written
// from the issue (team membership; managers over their teams; break-glass with a reason, read only, the
// only way across teams; work without a case goes by candidate group), not from the code.
import { caseReach, mayActOnCase, mayViewCase, reachOfCase, type Actor } from '../../../server/src/application/cases/case-access';
import { tableAccessPolicy } from '../../../server/src/application/cases/table-access-policy';

const northWorker: Actor = { id: 'cm-north', roles: ['case-managers'], teams: ['north'] };
const southManager: Actor = { id: 'tm-south', roles: ['team-managers'], teams: ['south'] };
const bothManager: Actor = { id: 'tm-both', roles: ['team-managers'], teams: ['north', 'south'] };
const admin: Actor = { id: 'admin', roles: ['admins'], teams: ['north'] };
const dataOfficer: Actor = { id: 'do', roles: ['data-officers'], teams: [] };

const cases = new Map([['C-N', { id: 'C-N', team: 'north', displayName: 'Ada N' }], ['C-S', { id: 'C-S', team: 'south', displayName: 'Bo S' }]]);
const deps = { policy: tableAccessPolicy, cases: { labelsOf: async (ids: readonly string[]) => ids.flatMap((id) => (cases.has(id) ? [cases.get(id)!] : [])) } };

describe('reachOfCase', () => {
  it('a member of the case team reaches it; so does a manager of several teams', () => {
    expect(reachOfCase(tableAccessPolicy, northWorker, { id: 'C-N', team: 'north' })).toBe('team');
    expect(reachOfCase(tableAccessPolicy, bothManager, { id: 'C-S', team: 'south' })).toBe('team');
  });
  it('another team\'s case is out of reach without a reason, whatever the role', () => {
    expect(reachOfCase(tableAccessPolicy, northWorker, { id: 'C-S', team: 'south' })).toBe('none');
    expect(reachOfCase(tableAccessPolicy, southManager, { id: 'C-N', team: 'north' })).toBe('none');
    expect(reachOfCase(tableAccessPolicy, northWorker, { id: 'C-S', team: 'south' }, '   ')).toBe('none');
  });
  it('a reason crosses teams only for roles allowed to break glass', () => {
    expect(reachOfCase(tableAccessPolicy, northWorker, { id: 'C-S', team: 'south' }, 'child presented at A&E')).toBe('break-glass');
    expect(reachOfCase(tableAccessPolicy, dataOfficer, { id: 'C-S', team: 'south' }, 'curious')).toBe('none');
  });
  it('no case: unscoped (candidate groups decide)', () => {
    expect(reachOfCase(tableAccessPolicy, admin, undefined)).toBe('unscoped');
  });
});

describe('mayActOnCase / mayViewCase', () => {
  it('acting: own team yes, other team never (not even with break-glass), no case or unknown case by candidate group', async () => {
    expect(await mayActOnCase(deps, northWorker, 'C-N')).toBe(true);
    expect(await mayActOnCase(deps, northWorker, 'C-S')).toBe(false);
    expect(await mayActOnCase(deps, southManager, 'C-N')).toBe(false);
    expect(await mayActOnCase(deps, northWorker, undefined)).toBe(true);
    expect(await mayActOnCase(deps, northWorker, 'C-UNKNOWN')).toBe(true);
  });
  it('viewing: other team only with a break-glass reason', async () => {
    expect(await mayViewCase(deps, southManager, 'C-S')).toBe(true);
    expect(await mayViewCase(deps, southManager, 'C-N')).toBe(false);
    expect(await mayViewCase(deps, southManager, 'C-N', 'safeguarding call out of hours')).toBe(true);
    expect(await caseReach(deps, southManager, 'C-N', 'safeguarding call out of hours')).toBe('break-glass');
  });
});
