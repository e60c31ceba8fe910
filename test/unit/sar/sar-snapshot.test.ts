// The gathered snapshot's rules without a database: what a gather again keeps and flags, when it is refused
// and why, and what erasure of a case does to a request still being answered (only that case's items go;
// the person named on another case still held keeps those, and the request keeps its details) versus one
// already answered (everything goes, the request is reduced).
import { dropGatheredCopy } from '../../../server/src/application/sar/drop-gathered-copy';
import { eraseSarDataOfCase } from '../../../server/src/application/sar/erase-sar-data-of-case';
import { gatherAgainRefusal, regather, type SarSnapshot, type SnapshotItem } from '../../../server/src/domain/sar/sar-snapshot';
import type { SarSnapshotStore, SnapshotHead } from '../../../server/src/ports/sar-snapshot.port';
import type { InstanceView, Variables } from '../../../server/src/ports/workflow-engine.port';

const decision = (itemId: string) => ({ itemId, decision: 'withhold' as const, reason: 'r' });

describe('gather again', () => {
  it('keeps decisions on items still held, drops the others, and lists the items new since the last gather', () => {
    const r = regather(new Set(['c1/a', 'c1/b', 'c1/c']), ['c1/a', 'c1/c', 'c1/d', 'c2/e'], [decision('c1/a'), decision('c1/b')]);
    expect(r).toEqual({ kept: [decision('c1/a')], dropped: 1, newItemIds: ['c1/d', 'c2/e'] });
  });

  it('is refused with a reason the DPO can act on: before gathering, once approved or exported, closed, erased', () => {
    const s = { frozenAt: undefined } as unknown as SarSnapshot;
    const active = { approved: false, state: 'active' };
    expect(gatherAgainRefusal(s, active)).toBeUndefined();
    expect(gatherAgainRefusal(undefined, { ...active, activeSteps: ['verifyIdentity'] })).toMatch(/not been gathered yet/);
    // A request that passed gathering before snapshots existed: the DPO gathers it the first time.
    expect(gatherAgainRefusal(undefined, { ...active, activeSteps: ['reviewRedactions'] })).toBeUndefined();
    expect(gatherAgainRefusal(s, { ...active, approved: true })).toMatch(/approved or exported/);
    expect(gatherAgainRefusal({ ...s, frozenAt: '2026-11-30T10:00:00Z' }, active)).toMatch(/approved or exported/);
    expect(gatherAgainRefusal(s, { ...active, state: 'completed' })).toMatch(/closed/);
    expect(gatherAgainRefusal(s, { ...active, erased: '2027-01-01' })).toMatch(/erased/);
  });
});

describe('erasing a case reaches the snapshots gathered from it', () => {
  const item = (caseId: string, n: number): SnapshotItem => ({
    id: `${caseId}/personal/f${n}`, caseId, kind: 'field', label: 'Personal › F', value: 'Ash Erase', source: 'Case record', thirdParty: false,
    proposal: { decision: 'disclose', reason: 'own' },
  });
  function world(activeElementIds: string[]) {
    const heads = new Map<string, SarSnapshot>();
    const items = new Map<string, SnapshotItem[]>();
    const store: SarSnapshotStore = {
      head: async (key) => heads.get(key),
      items: async function* (s) { yield* items.get(`${s.key}:${s.generation}`) ?? []; },
      save: async (ref, list, headOf) => {
        const all: SnapshotItem[] = [];
        for await (const i of list) all.push(i);
        items.set(`${ref.key}:${ref.generation}`, all);
        const s: SarSnapshot = { ...(headOf() as SnapshotHead), chunks: 1 };
        heads.set(ref.key, s);
        return s;
      },
      updateHead: async (s) => { heads.set(s.key, s); },
      headsNamingCase: async (caseId) => [...heads.values()].filter((h) => h.caseIds.includes(caseId)),
    };
    let variables: Variables = { subject: { givenName: 'Ash', familyName: 'Erase', otherNames: [] }, requesterName: 'Ash Erase', sarRedactions: [decision('own/personal/f1'), decision('other/personal/f2')] };
    const instance = (): InstanceView => ({ key: 'k', processId: 'subject-access-request', version: 1, state: 'active', activeElementIds, variables, timeline: [], startedAt: '' });
    const engine = { getInstance: async () => instance(), setVariables: async (_k: string, v: Variables) => { variables = { ...variables, ...v }; } };
    heads.set('k', {
      key: 'k', generation: 1, gatheredAt: '2026-11-20T09:00:00Z', gatheredBy: 'x', chunks: 1, itemCount: 4, newItemIds: [], erasedSubjectCaseIds: [],
      matches: [{ caseId: 'own', team: 't', displayName: 'Ash Erase', role: 'subject', reasons: [], flaggedForReview: false }, { caseId: 'other', team: 't', displayName: 'Sky Other', role: 'victim', reasons: [], flaggedForReview: true }],
      caseIds: ['own', 'other'], subjectCaseIds: ['own'],
    });
    items.set('k:1', [item('own', 1), item('own', 2), item('other', 2), item('other', 3)]);
    const audit = { record: async () => ({}) as never };
    const deps = { engine, snapshots: store, audit, now: () => new Date('2026-12-01T10:00:00Z') };
    return { deps, heads, items, vars: () => variables };
  }

  it('a request still being answered loses only that case\'s items and decisions; it keeps its details and the other case\'s items', async () => {
    const w = world(['reviewRedactions']);
    expect(await eraseSarDataOfCase(w.deps, 'own')).toBe(1);
    const head = w.heads.get('k')!;
    expect([head.caseIds, head.subjectCaseIds, head.erasedSubjectCaseIds, head.itemCount, head.droppedAt]).toEqual([['other'], [], ['own'], 2, undefined]);
    expect(w.items.get('k:2')!.map((i) => i.id)).toEqual(['other/personal/f2', 'other/personal/f3']);
    expect([w.vars().requesterName, w.vars().sarRedactions]).toEqual(['Ash Erase', [decision('other/personal/f2')]]);
    expect(await eraseSarDataOfCase(w.deps, 'own')).toBe(0); // a rerun finds nothing more to do
  });

  it('a request already answered keeps no items and is reduced to what a tombstone keeps', async () => {
    const w = world(['keepGatheredCopy']);
    await eraseSarDataOfCase(w.deps, 'own');
    const head = w.heads.get('k')!;
    expect([head.caseIds, head.matches, head.itemCount, head.droppedBecause]).toEqual([[], [], 0, "The person's records were erased"]);
    expect(w.items.get('k:2')).toEqual([]);
    expect(w.vars()).toMatchObject({ subject: null, requesterName: null, sarRedactions: [], sarDecisionCounts: { disclosed: 0, withheld: 2 }, sarErased: '2026-12-01T10:00:00.000Z' });
  });

  it('when the gathered copy\'s time runs out, values and labels go and the decision record stays; a request whose person was erased meanwhile is reduced then', async () => {
    const w = world(['reviewRedactions']);
    await eraseSarDataOfCase(w.deps, 'own'); // still being answered: its details stay for now
    expect(w.vars().requesterName).toBe('Ash Erase');
    const dropped = await dropGatheredCopy(w.deps, 'k', 'The gathered copy\'s retention after the response ran out');
    expect(dropped).toMatchObject({ itemCount: 2, droppedBecause: expect.stringContaining('retention'), matches: [expect.objectContaining({ caseId: 'other', displayName: '' })] });
    expect(w.items.get('k:3')).toEqual([
      expect.objectContaining({ id: 'other/personal/f2', value: null, label: 'Case record', proposal: { decision: 'disclose', reason: 'Withheld' } }),
      expect.objectContaining({ id: 'other/personal/f3', value: null, label: 'Case record', proposal: { decision: 'disclose', reason: 'Disclosed' } }),
    ]);
    expect(JSON.stringify(w.items.get('k:3'))).not.toContain('Ash');
    expect(w.vars()).toMatchObject({ subject: null, requesterName: null, sarErased: expect.any(String) });
  });

  it('a case where the person is only named as a third party is taken out without reducing the request', async () => {
    const w = world(['keepGatheredCopy']);
    await eraseSarDataOfCase(w.deps, 'other');
    expect([w.heads.get('k')!.subjectCaseIds, w.heads.get('k')!.itemCount, w.vars().requesterName]).toEqual([['own'], 2, 'Ash Erase']);
  });
});
