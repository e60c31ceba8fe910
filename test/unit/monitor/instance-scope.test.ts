// The case of an instance (instance-scope.ts): its own caseId variable, else its caller's up the call chain —
// never the business key — and the case rule deciding which instances an actor reaches.
import { caseOfInstance, instancesInReach } from '../../../server/src/application/monitor/instance-scope';
import { tableAccessPolicy } from '../../../server/src/application/cases/table-access-policy';
import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';

const instance = (key: string, variables: Record<string, unknown>, parentKey?: string): InstanceView => ({
  key, processId: 'p', version: 1, businessKey: 'YJ-BUSINESS-KEY', state: 'active', activeElementIds: [], variables, timeline: [], startedAt: '', ...(parentKey ? { parentKey } : {}),
});
const engineOf = (...all: InstanceView[]) => ({ getInstance: async (key: string) => all.find((i) => i.key === key) });

describe('caseOfInstance', () => {
  it('is the caseId variable, not the business key', async () => {
    expect(await caseOfInstance(engineOf(), instance('a', { caseId: 'YJ-1' }))).toBe('YJ-1');
    expect(await caseOfInstance(engineOf(), instance('a', {}))).toBeUndefined();
  });

  it('a called child without caseId takes its caller\'s, up the chain; its own wins when it has one', async () => {
    const top = instance('top', { caseId: 'YJ-TOP' });
    const mid = instance('top.c1', {}, 'top');
    expect(await caseOfInstance(engineOf(top, mid), instance('top.c1.c1', {}, 'top.c1'))).toBe('YJ-TOP');
    expect(await caseOfInstance(engineOf(top, mid), instance('top.c1.c2', { caseId: 'YJ-OWN' }, 'top.c1'))).toBe('YJ-OWN');
  });

  it('stops on a cycle of parents (corrupt data) instead of looping', async () => {
    const a = instance('a', {}, 'b');
    const b = instance('b', {}, 'a');
    expect(await caseOfInstance(engineOf(a, b), a)).toBeUndefined();
  });
});

describe('instancesInReach', () => {
  const cases = { labelsOf: async (ids: readonly string[]) => ids.flatMap((id) => (id === 'YJ-N' ? [{ id, team: 'north' }] : id === 'YJ-S' ? [{ id, team: 'south' }] : [])) };
  const deps = { policy: tableAccessPolicy, cases };
  const all = [{ key: 'n', caseId: 'YJ-N' }, { key: 's', caseId: 'YJ-S' }, { key: 'none' }, { key: 'unknown', caseId: 'NOT-A-CASE' }];

  it('own team\'s and caseless instances only; a manager of both teams reaches both', async () => {
    expect([...await instancesInReach(deps, { id: 't', roles: ['team-managers'], teams: ['north'] }, all)].sort()).toEqual(['n', 'none', 'unknown']);
    expect([...await instancesInReach(deps, { id: 'h', roles: ['team-managers'], teams: ['north', 'south'] }, all)].sort()).toEqual(['n', 'none', 's', 'unknown']);
    expect([...await instancesInReach(deps, { id: 'a', roles: ['admins'], teams: [] }, all)].sort()).toEqual(['none', 'unknown']);
  });
});
