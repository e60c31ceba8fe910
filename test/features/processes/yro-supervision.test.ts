import { processHarness, type ProcessHarness } from './support/process-harness';

// Sentencing Act 2020 Part 9 Chapter 1, Schedules 6–7; local: plan in 15 WD, reviews every 3 months,
// end-of-order review opening 10 WD before the end date.
const order = {
  id: 'order-1', type: 'yro', madeOn: '2026-11-23', court: 'Youth court', offences: 'theft', lengthMonths: 6,
  start: '2026-11-23', end: '2027-05-22', requirements: ['supervision', 'curfew'], requirementDetails: 'curfew 7pm–7am',
};

describe('Feature: youth rehabilitation order supervision', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());
  // Each walk starts on the day the order is made (Mon 23 Nov 2026); instances of earlier walks keep their own dates.
  beforeEach(() => h.at('2026-11-23T09:00:00Z'));

  let n = 0;
  async function supervising(o: object = order) {
    const caseId = `yro-${++n}`;
    const i = await h.start('yro-supervision', { caseId });
    await h.complete(i, 'recordOrder', { order: o });
    await h.complete(i, 'initialPlan', { assessment: { tool: 'assetplus', completedOn: '2026-12-01' }, planAgreedOn: '2026-12-02', contactLevel: 'enhanced', planSummary: 'p' });
    return { i, caseId };
  }
  const passed = async (i: string, elementId: string) =>
    (await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === elementId) ?? false;

  test('Given an order made, the case manager records it, then the initial plan is due 15 working days from its start', async () => {
    const i = await h.start('yro-supervision', { caseId: 'yro-first' });
    expect(await h.openTasks(i)).toEqual(['recordOrder']);
    expect((await h.task(i, 'recordOrder')).formId).toBe('yro-order');
    await h.complete(i, 'recordOrder', { order });
    const plan = await h.task(i, 'initialPlan');
    expect(plan.candidateGroups).toEqual(['case-managers']);
    expect(plan.dueDate).toBe('2026-12-14T17:00:00.000Z'); // 15 WD from Mon 23 Nov
  });

  test('Given the order came through intake, which started the AssetPlus assessment, supervision asks only for the sentence plan: one assessment stream', async () => {
    const i = await h.start('yro-supervision', { caseId: 'yro-intake', assessmentStarted: true });
    await h.complete(i, 'recordOrder', { order });
    expect(await h.openTasks(i)).toEqual(['sentencePlan']); // no second "initial assessment and plan"
    const plan = await h.task(i, 'sentencePlan');
    expect([plan.formId, plan.candidateGroups, plan.dueDate]).toEqual(['yro-sentence-plan', ['case-managers'], '2026-12-14T17:00:00.000Z']);
    await h.complete(i, 'sentencePlan', { planAgreedOn: '2026-12-02', planSummary: 'p' });
    expect(await h.openTasks(i)).toEqual(['review']);
    expect(await passed(i, 'initialPlan')).toBe(false);
  });

  test('Given an AssetPlus assessment already running on the case (started from the case page), supervision does not start a second one', async () => {
    await h.start('assetplus-assessment', { caseId: 'yro-running', orderMadeAt: '2026-11-23' });
    const i = await h.start('yro-supervision', { caseId: 'yro-running' });
    await h.complete(i, 'recordOrder', { order });
    expect(await h.openTasks(i)).toEqual(['sentencePlan']);
    expect((await h.vars(i)).assessmentStarted).toBe(true);
  });

  test('After the plan, supervision is reviewed 3 months from the start, and each review schedules the next', async () => {
    const { i } = await supervising();
    expect((await h.task(i, 'review')).dueDate).toBe('2027-02-23T17:00:00.000Z');
    await h.at('2027-02-20T10:00:00Z');
    await h.complete(i, 'review', { reviewedOn: '2027-02-20', progress: 'good', reviewOutcome: 'continue', contacts: [{ appointmentDate: '2027-02-19', purpose: 'Supervision', attendance: 'attended' }] });
    expect((await h.task(i, 'review')).dueDate).toBe('2027-05-20T16:00:00.000Z'); // 3 months on (BST)
  });

  test('A reported failure to comply runs compliance & breach for this YRO while supervision goes on', async () => {
    const { i, caseId } = await supervising();
    await h.at('2026-12-10T10:00:00Z');
    expect((await h.engine.publishMessage('yro-failure-to-comply', caseId, { missedAt: '2026-12-10T10:00:00Z', warningHistory: [] })).correlated).toBe(true);
    await h.at('2026-12-10T10:00:00Z');
    const children = (await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.elementId === 'followUp' && t.processId === 'compliance-breach');
    const child = children.find((t) => t.instanceKey !== i);
    expect(child).toBeDefined();
    await h.complete(child!.instanceKey, 'followUp', { contact: { appointmentDate: '2026-12-10', purpose: 'Supervision', attendance: 'missed', absence: 'unacceptable', absenceReason: 'none' } });
    expect(await h.openTasks(child!.instanceKey)).toEqual(['warn']); // the Sch 7 branch: the order's type came down
    expect(await h.openTasks(i)).toEqual(['review']);
  });

  test('When the court revokes the order on application, supervision ends', async () => {
    const { i } = await supervising();
    await h.complete(i, 'review', { reviewedOn: '2027-01-10', progress: 'excellent', reviewOutcome: 'apply-to-court' });
    expect((await h.task(i, 'courtApplication')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'courtApplication', { applicationType: 'revoke', applicationGrounds: 'good progress', hearing: { court: 'Youth court', date: '2027-01-20', purpose: 'revocation' }, applicationResult: 'revoked' });
    expect(await h.state(i)).toBe('completed');
    expect(await passed(i, 'orderRevoked')).toBe(true);
  });

  test('When the court extends the order, the end-of-order review follows the new end date', async () => {
    const { i } = await supervising();
    await h.complete(i, 'review', { reviewedOn: '2027-01-10', progress: 'slow', reviewOutcome: 'apply-to-court' });
    await h.complete(i, 'courtApplication', { applicationType: 'extend', applicationGrounds: 'g', hearing: { court: 'Youth court', date: '2027-01-20', purpose: 'amendment' }, applicationResult: 'extended', orderChange: { id: 'order-1', end: '2027-08-31' } });
    await h.at('2027-05-20T10:00:00Z'); // past the original end-of-order date (10 WD before 22 May)
    expect(await h.openTasks(i)).toEqual(['review']);
    await h.at('2027-08-17T17:00:00Z'); // 10 WD before Tue 31 Aug
    expect(await h.openTasks(i)).toEqual(['endOfOrder']);
  });

  test('10 working days before the end date the end-of-order review opens, due after the end date', async () => {
    const { i } = await supervising({ ...order, end: '2027-01-29' });
    await h.at('2027-01-15T16:59:00Z');
    expect(await h.openTasks(i)).toEqual(['review']);
    await h.at('2027-01-15T17:00:00Z'); // Fri 29 Jan − 10 WD
    expect(await h.openTasks(i)).toEqual(['endOfOrder']);
    expect((await h.task(i, 'endOfOrder')).dueDate).toBe('2027-02-05T17:00:00.000Z'); // 5 WD after the end date
    await h.complete(i, 'endOfOrder', { orderEnd: { id: 'order-1', endedOn: '2027-01-29', completion: 'completed' }, endSummary: 's' });
    expect(await passed(i, 'orderCompleted')).toBe(true);
  });
});
