// reduceCase's rules without a database: a held case is refused before anything is touched; the case's
// work leaves the stores engine first, the record is replaced by its basic record last and marked reduced;
// the audit's per-case key is not destroyed; a crash midway is finished by a rerun; a reduced case is not
// reduced again.
import { reduceCase, type ReduceCaseDeps } from '../../../server/src/application/retention/reduce-case';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';

function world(opts: { held?: boolean; failAt?: string } = {}) {
  const calls: string[] = [];
  let fail = opts.failAt;
  const step = (name: string, result: unknown = 0) => async () => {
    calls.push(name);
    if (fail === name) { fail = undefined; throw new Error(`crash at ${name}`); }
    return result;
  };
  let record: CaseRecord = {
    id: 'YJ-1', team: 'north', status: 'closed', pathway: 'court-order', createdAt: '2019-01-02T00:00:00.000Z', createdBy: 'u',
    identity: { displayName: 'Zebedee Quux', nameKey: 'quux|zebedee', dateOfBirth: '2010-02-13', nhsNumber: '9434765919' },
    sections: {
      personal: { values: { givenName: 'Zebedee', familyName: 'Quux', dateOfBirth: '2010-02-13' }, revision: 1, updatedAt: '', updatedBy: 'u', sources: {} },
      health: { values: { diagnosis: 'asthma' }, revision: 1, updatedAt: '', updatedBy: 'u', sources: {} },
    },
  };
  const audited: { action: string; key?: string; after?: unknown }[] = [];
  const deps: ReduceCaseDeps = {
    holds: { holdsOnCase: async () => (opts.held ? [{ id: 'h1', scope: 'case', reason: 'Complaint' }] : []) },
    caseReader: { findById: async () => record },
    audit: { record: async (e) => { calls.push(`audit:${e.action}`); audited.push(e); return { ...e, seq: 1, at: '', prevHash: '', hash: '' }; } },
    clock: { now: () => new Date('2026-12-02T09:00:00Z') },
    basicRecords: { reduceToBasicRecord: async (_id, basic) => { calls.push('basicRecord'); record = basic; } },
    auditDetails: { eraseCaseDetails: step('auditKey', { plaintextEvents: 0 }) as () => Promise<{ plaintextEvents: number }> },
    stores: {
      engine: { eraseInstancesOfCase: step('engine', 1) as () => Promise<number> },
      tasks: { taskIdsOfCase: step('taskIds', ['t1']) as () => Promise<string[]>, eraseTasksOfCase: step('tasks') as () => Promise<number> },
      outbox: { messageIdsOf: step('messageIds', []) as () => Promise<string[]>, eraseOf: step('outbox') as () => Promise<number> },
      drafts: { eraseOfCase: step('drafts') as () => Promise<number> },
      submissions: { eraseOfCase: step('submissions') as () => Promise<number> },
      savedFilters: { eraseNamingCase: step('savedFilters') as () => Promise<number> },
      others: [{ eraseOfCase: step('consent') as () => Promise<number> }],
    },
  };
  return { deps, calls, audited, current: () => record };
}

const input = { caseId: 'YJ-1', rule: 'court-orders', approvedBy: 'dan', approvalRef: 'RR-7', dueAt: '2025-06-01' };

it('refuses a held case with CASE_HELD and touches nothing', async () => {
  const w = world({ held: true });
  await expect(reduceCase(w.deps, input)).rejects.toMatchObject({ code: 'CASE_HELD' });
  expect(w.calls).toEqual([]);
});

it('empties the work stores engine first, audits, then writes the basic record marked reduced; no audit key is destroyed', async () => {
  const w = world();
  const reduction = await reduceCase(w.deps, input);
  expect(reduction).toEqual({ reducedAt: '2026-12-02T09:00:00.000Z', rule: 'court-orders', approvedBy: 'dan', approvalRef: 'RR-7', dueAt: '2025-06-01' });
  expect(w.calls).toEqual(['engine', 'taskIds', 'messageIds', 'outbox', 'drafts', 'submissions', 'tasks', 'savedFilters', 'consent', 'audit:case.reduced', 'auditKey', 'basicRecord']);
  expect(w.current().reduction).toEqual(reduction);
  expect(Object.keys(w.current().sections)).toEqual(['personal']);
  expect(w.audited[0]).toMatchObject({ key: 'YJ-1:case.reduced', after: { sectionsKept: ['personal'], sectionsRemoved: ['health'] } });
  expect(JSON.stringify(w.audited)).not.toMatch(/asthma|Zebedee/);
});

it('a crash midway leaves the whole record; a rerun finishes; a reduced case is not reduced again', async () => {
  const w = world({ failAt: 'submissions' });
  await expect(reduceCase(w.deps, input)).rejects.toThrow('crash at submissions');
  expect(w.current().sections.health).toBeDefined();
  const first = await reduceCase(w.deps, input);
  expect(w.current().sections.health).toBeUndefined();
  w.calls.length = 0;
  expect(await reduceCase(w.deps, { ...input, approvedBy: 'someone-else' })).toEqual(first);
  expect(w.calls).toEqual([]);
});
