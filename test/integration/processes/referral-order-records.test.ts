// The referral order's records through the real HTTP routes, engine and database: each role completes its
// own tasks (court officers record the order and the hearing, panel coordinators the meetings), and the case
// keeps ONE order item that later forms amend (its start when the contract is signed), one panel item per
// meeting, the first appointment as a contact, and one hearing item that the court's decision amends.
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

interface Item { id: string; values: Record<string, unknown> }

describe('referral order: orders, panels, contacts and hearings as items', () => {
  let api: TasksCasesApi;
  const newCase = async (givenName: string) =>
    (await api.call('POST', '/cases', 'cm', { givenName, familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id as string;
  const start = async (caseId: string) => {
    const { instanceKey } = await api.engine!.startInstance('referral-order', { caseId, orderMadeAt: '2026-11-23' }, { businessKey: caseId });
    await api.engine!.runDue();
    return instanceKey;
  };
  const complete = async (instanceKey: string, elementId: string, who: Person, data: unknown) => {
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open ${elementId}`);
    const res = await api.call('POST', `/tasks/${task.key}/complete`, who, { data });
    await api.engine!.runDue();
    return res;
  };
  const items = async (caseId: string, section: string, collection: string): Promise<Item[]> =>
    (await api.call('GET', `/cases/${caseId}`, 'tm')).body.sections[section].collections?.[collection] ?? [];
  const prepare = async (i: string) => {
    expect((await complete(i, 'recordOrder', 'co', {
      order: { type: 'referral-order', madeOn: '2026-11-23', court: 'Youth court', lengthMonths: 6, offences: 'Theft from a shop' },
    })).status).toBe(200);
    expect((await complete(i, 'firstAppointment', 'cm', {
      appointment: { appointmentDate: '2026-11-24', purpose: 'Referral order: first appointment', attendance: 'attended' },
    })).status).toBe(200);
    expect((await complete(i, 'victimContact', 'vw', { victimWishesToAttend: false })).status).toBe(200);
    expect((await complete(i, 'panelReport', 'cm', { panelReportAssessment: 'AssetPlus', panelReport: 'Report' })).status).toBe(200);
  };

  beforeAll(async () => { api = await startTasksCasesApi('referral-order-records', { engine: true }); });
  afterAll(() => api.close());

  it('a panel coordinator records two meetings; the order item gets its start from the contract; the appointment is a contact', async () => {
    const caseId = await newCase('Ada');
    const i = await start(caseId);
    await prepare(i);
    const further = await complete(i, 'initialPanel', 'pc', {
      initialMeeting: { date: '2026-11-24', type: 'initial', attended: true, outcome: 'further-meeting', notAgreedReason: 'Wants advice', nextMeetingOn: '2026-12-01' },
    });
    expect(further.status).toBe(200);
    const signedRes = await complete(i, 'initialPanel', 'pc', {
      initialMeeting: { date: '2026-11-24', type: 'further', attended: true, outcome: 'contract-signed' },
      contract: { start: '2026-11-24' }, contractTerms: 'Reparation',
    });
    expect(signedRes.status).toBe(200);

    const orders = await items(caseId, 'offending', 'orders');
    expect(orders.map((o) => o.values)).toEqual([{
      type: 'referral-order', madeOn: '2026-11-23', court: 'Youth court', lengthMonths: 6, offences: 'Theft from a shop', start: '2026-11-24',
    }]);
    const panels = await items(caseId, 'offending', 'panels');
    expect(panels.map((p) => [p.values.type, p.values.outcome])).toEqual([['initial', 'further-meeting'], ['further', 'contract-signed']]);
    expect((await items(caseId, 'plans', 'contacts')).map((c) => c.values.attendance)).toEqual(['attended']);
    expect((await api.engine!.getInstance(i))?.variables.orderTerm).toEqual({ end: '2027-05-23' });
  });

  it('a referral back adds one hearing item with its reason; the court decision amends it, and the order continues', async () => {
    const caseId = await newCase('Bea');
    const i = await start(caseId);
    await prepare(i);
    await complete(i, 'initialPanel', 'pc', {
      initialMeeting: { date: '2026-11-24', type: 'initial', attended: false, outcome: 'refer-back', notAgreedReason: 'Did not engage' },
    });
    expect((await complete(i, 'referBack', 'co', {
      hearing: { court: 'Youth court', date: '2026-12-07', reason: 'contract-not-agreed' }, referBackReport: 'Report to court',
    })).status).toBe(200);
    expect((await complete(i, 'courtDecision', 'co', { hearingResult: { result: 'continue' } })).status).toBe(200);

    const hearings = await items(caseId, 'offending', 'hearings');
    expect(hearings.map((h) => h.values)).toEqual([{ court: 'Youth court', date: '2026-12-07', reason: 'contract-not-agreed', result: 'continue' }]);
    expect((await api.engine!.listUserTasks({ instanceKey: i, state: 'open' })).map((t) => t.elementId)).toEqual(['initialPanel']);
  });
});
