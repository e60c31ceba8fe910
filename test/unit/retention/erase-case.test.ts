// eraseCase's rules without a database (issue 17): a held case is refused before anything is touched; the
// tombstone is written before any store is emptied and completed after; the engine goes first and the case
// record last (so a rerun can still find what is left); a finished erasure is not run again.
import { eraseApprovedCases } from '../../../server/src/application/retention/erase-approved-cases';
import { eraseCase, type EraseCaseDeps } from '../../../server/src/application/retention/erase-case';
import type { CaseTombstone } from '../../../server/src/domain/cases/case-tombstone';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';

function world(opts: { held?: boolean; failAt?: string } = {}) {
  const calls: string[] = [];
  const tombstones = new Map<string, CaseTombstone>();
  let fail = opts.failAt;
  const step = (name: string, result: unknown = 0) => async () => {
    calls.push(name);
    if (fail === name) {
      fail = undefined;
      throw new Error(`crash at ${name}`);
    }
    return result;
  };
  const record = { id: 'YJ-1', team: 'north', pathway: 'court', createdAt: '2019-01-02T00:00:00.000Z', status: 'closed',
    identity: { displayName: 'Zebedee Quux', nameKey: 'quux|zebedee', dateOfBirth: '2010-02-13', nhsNumber: '9434765919' } } as unknown as CaseRecord;
  let exists = true;
  const deps: EraseCaseDeps = {
    holds: { holdsOnCase: async () => (opts.held ? [{ id: 'h1', scope: 'person', reason: 'Court proceedings' }] : []) },
    caseReader: { findById: async () => (exists ? record : undefined) },
    tombstones: {
      get: async (id) => tombstones.get(id),
      save: async (t) => { calls.push(`tombstone:${t.state}`); tombstones.set(t.caseId, t); },
    },
    audit: { record: async (e) => { calls.push(`audit:${e.action}`); return { ...e, seq: 1, at: '', prevHash: '', hash: '' }; } },
    clock: { now: () => new Date('2026-12-01T00:00:00Z') },
    stores: {
      engine: { eraseInstancesOfCase: step('engine', 2) as () => Promise<number> },
      tasks: { taskIdsOfCase: step('taskIds', ['t1']) as () => Promise<string[]>, eraseTasksOfCase: step('tasks') as () => Promise<number> },
      outbox: { messageIdsOf: step('messageIds', ['m1']) as () => Promise<string[]>, eraseOf: step('outbox') as () => Promise<number> },
      caughtMail: { eraseMessages: step('caughtMail') as () => Promise<number> },
      drafts: { eraseOfCase: step('drafts') as () => Promise<number> },
      submissions: { eraseOfCase: step('submissions') as () => Promise<number> },
      savedFilters: { eraseNamingCase: step('savedFilters') as () => Promise<number> },
      auditDetails: { eraseCaseDetails: step('auditKey', { plaintextEvents: 3 }) as () => Promise<{ plaintextEvents: number }> },
      cases: { eraseCase: async () => { calls.push('case'); exists = false; } },
    },
  };
  return { deps, calls, tombstones };
}

const input = { caseId: 'YJ-1', rule: 'referral-order-6y', approvedBy: 'dan', approvalRef: 'RR-7' };

describe('eraseCase', () => {
  it('refuses a held case with CASE_HELD and touches nothing', async () => {
    const w = world({ held: true });
    await expect(eraseCase(w.deps, input)).rejects.toMatchObject({ code: 'CASE_HELD', message: expect.stringContaining('Court proceedings') });
    expect(w.calls).toEqual([]);
  });

  it('writes the tombstone first, the engine next, the case record last, then completes the tombstone', async () => {
    const w = world();
    const t = await eraseCase(w.deps, input);
    expect(w.calls).toEqual([
      'tombstone:in-progress', 'engine', 'taskIds', 'messageIds', 'caughtMail', 'outbox', 'drafts', 'submissions', 'tasks',
      'savedFilters', 'auditKey', 'case', 'audit:case.erased', 'tombstone:complete',
    ]);
    expect(t).toEqual({
      caseId: 'YJ-1', rule: 'referral-order-6y', team: 'north', pathway: 'court', openedAt: '2019-01-02T00:00:00.000Z',
      erasedAt: '2026-12-01T00:00:00.000Z', approvedBy: 'dan', approvalRef: 'RR-7', state: 'complete', plaintextAuditEvents: 3,
    });
    expect(JSON.stringify(t)).not.toMatch(/Zebedee|Quux|2010-02-13|9434765919/);
  });

  it('after a crash midway a rerun finishes from the same tombstone; a finished erasure is not run again', async () => {
    const w = world({ failAt: 'submissions' });
    await expect(eraseCase(w.deps, input)).rejects.toThrow('crash at submissions');
    expect(w.calls).not.toContain('case'); // the record is still there to find the rest by
    expect(w.tombstones.get('YJ-1')?.state).toBe('in-progress');
    w.calls.length = 0;
    const t = await eraseCase(w.deps, { ...input, rule: 'ignored on a rerun' });
    expect(w.calls[0]).toBe('engine'); // no second tombstone: the first one's rule and dates stand
    expect(t).toMatchObject({ rule: 'referral-order-6y', state: 'complete' });
    w.calls.length = 0;
    expect(await eraseCase(w.deps, input)).toEqual(t);
    expect(w.calls).toEqual([]);
  });

  it('says on the tombstone and in the audit what the engine could not delete (Camunda 8 keeps instance history)', async () => {
    const w = world();
    const audited: unknown[] = [];
    const leaves = 'The history of the case\'s process instances in Camunda 8';
    w.deps.stores.engine = { eraseInstancesOfCase: async () => 1, erasureLeaves: leaves };
    w.deps.audit = { record: async (e) => { audited.push(e.after); return { ...e, seq: 1, at: '', prevHash: '', hash: '' }; } };
    const t = await eraseCase(w.deps, input);
    expect(t).toMatchObject({ state: 'complete', notErased: [leaves] });
    expect(audited).toEqual([expect.objectContaining({ instances: 1, notErased: [leaves] })]);
    const approved = await eraseApprovedCases({ holds: w.deps.holds, audit: w.deps.audit, erase: async () => t }, { reviewRef: 'RR-8', approvedBy: 'dan', cases: [{ caseId: 'YJ-1', ruleId: 'r' }] });
    expect(approved).toEqual([{ caseId: 'YJ-1', outcome: 'erased', erasedAt: t.erasedAt, notErased: [leaves] }]);
  });

  it('an unknown case with no tombstone is not found', async () => {
    const w = world();
    w.deps.caseReader = { findById: async () => undefined };
    await expect(eraseCase(w.deps, input)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });
});
