// Intake records every court order as an item of offending.orders with the date it was made (issue 16 §4),
// through the real HTTP routes, engine and database: the team manager's allocation adds ONE order item, the
// order's own process and the AssetPlus assessment start from its date, and the referral order's own record
// amends that same item (itemId order.id) instead of adding a second.
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

interface Item { id: string; values: Record<string, unknown> }

describe('intake: the order is an item of offending.orders with its date', () => {
  let api: TasksCasesApi;
  beforeAll(async () => { api = await startTasksCasesApi('intake-order', { engine: true }); });
  afterAll(() => api.close());

  const openTask = async (caseId: string, processId: string, elementId: string) => {
    const mine = [];
    for (const t of await api.engine!.listUserTasks({ state: 'open' })) {
      if (t.processId !== processId || t.elementId !== elementId) continue;
      if ((await api.engine!.getInstance(t.instanceKey))?.variables.caseId === caseId) mine.push(t);
    }
    if (mine.length !== 1) throw new Error(`expected one open ${processId}#${elementId} for ${caseId}, found ${mine.length}`);
    return mine[0];
  };
  const complete = async (caseId: string, processId: string, elementId: string, who: Person, data: unknown) => {
    const task = await openTask(caseId, processId, elementId);
    const res = await api.call('POST', `/tasks/${task.key}/complete`, who, { data });
    await api.engine!.runDue();
    return res;
  };
  const orders = async (caseId: string): Promise<Item[]> =>
    (await api.call('GET', `/cases/${caseId}`, 'tm')).body.sections.offending?.collections?.orders ?? [];

  it('a referral order made on 23 November: one order item, the order and the assessment both count from that date', async () => {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ola', familyName: 'Reed', dateOfBirth: '2010-02-03', team: 'east' })).body.id as string;
    const started = await api.call('POST', `/cases/${caseId}/processes`, 'cm', { processId: 'referral-intake', variables: { referralReceivedAt: '2026-11-24T09:00:00.000Z' } });
    expect(started.status).toBe(201);
    await api.engine!.runDue();
    expect((await complete(caseId, 'referral-intake', 'matchPerson', 'cm', { matchOutcome: 'existing', personId: caseId, referralSource: 'court' })).status).toBe(200);
    expect((await complete(caseId, 'referral-intake', 'checkSocialCare', 'cm', { socialCareInvolved: false })).status).toBe(200);
    const allocated = await complete(caseId, 'referral-intake', 'allocate', 'tm', {
      caseManager: 'cm-1', pathway: 'court-order', order: { type: 'referral-order', madeOn: '2026-11-23', lengthMonths: 6, court: 'Youth court' },
    });
    expect(allocated.status).toBe(200);
    const [item] = await orders(caseId);
    expect(item.values).toEqual({ type: 'referral-order', madeOn: '2026-11-23', lengthMonths: 6, court: 'Youth court' });

    const notice = await complete(caseId, 'referral-intake', 'privacyNotice', 'cm', {
      privacyNoticeGiven: true, privacyNoticeDate: '2026-11-24', privacyNoticeGivenTo: ['child', 'parent-carer'], lawfulBasis: 'public-task',
    });
    expect(notice.status).toBe(200);
    const order = await openTask(caseId, 'referral-order', 'recordOrder');
    expect((await api.engine!.getInstance(order.instanceKey))?.variables).toMatchObject({ orderMadeAt: '2026-11-23', order: { id: item.id } });
    expect((await openTask(caseId, 'assetplus-assessment', 'infoGathering')).dueDate).toBe('2026-12-14T17:00:00.000Z'); // 15 WD from 23 Nov

    const recorded = await complete(caseId, 'referral-order', 'recordOrder', 'co', {
      order: { type: 'referral-order', madeOn: '2026-11-23', court: 'Youth court', lengthMonths: 6, offences: 'Theft from a shop' },
    });
    expect(recorded.status).toBe(200);
    expect((await orders(caseId)).map((o) => [o.id, o.values.offences])).toEqual([[item.id, 'Theft from a shop']]);
  });
});
