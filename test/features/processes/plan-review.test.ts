import { processHarness, type ProcessHarness } from './support/process-harness';

// Cycle starts Monday 23 November 2026: next review due 3 months on, Tuesday 23 February 2027.
describe('Feature: plan review cycle (on significant change — the guidance; every 3 months — a local default)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('The review task opens at the reminder date (2 WD before due), with a reminder email, due on the 3-month date', async () => {
    const i = await h.start('plan-review', { caseId: 'pr-1' });
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.vars(i)).deadlines).toMatchObject({ reviewDue: '2027-02-23T17:00:00.000Z' });
    await h.at('2027-02-19T16:59:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2027-02-19T17:00:00Z');
    expect(await h.openTasks(i)).toEqual(['review']);
    expect((await h.task(i, 'review')).dueDate).toBe('2027-02-23T17:00:00.000Z');
    expect(h.emailsFor(i)).toEqual(['reminder:reviewDue']);

    await h.complete(i, 'review', { reviewDate: '2027-02-22', reviewReason: 'scheduled', whatChanged: 'Nothing significant', progress: 'good', reviewOutcome: 'continue' });
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.vars(i)).deadlines).toMatchObject({ reviewDue: '2027-05-19T16:00:00.000Z' }); // 3 months from 19 Feb, BST

    await h.engine.publishMessage('significant-change', 'pr-1', { changeSummary: 'moved address' });
    await h.at('2027-02-19T17:00:00Z');
    expect(await h.openTasks(i)).toEqual(['review']);
    expect((await h.task(i, 'review')).dueDate).toBe('2027-02-26T17:00:00.000Z'); // brought forward: 5 WD
    await h.complete(i, 'review', { reviewDate: '2027-02-22', reviewReason: 'significantChange', whatChanged: 'moved address', progress: 'p', reviewOutcome: 'close' });
    // Closing hands over to the case closure process (end-of-intervention data, case closed).
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['closeCase']);
    const closure = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'case-closure');
    expect(closure?.elementId).toBe('healthData');
  });

  test('A review may trigger re-assessment (AssetPlus), after which the cycle continues', async () => {
    const i = await h.start('plan-review', { caseId: 'pr-2' });
    await h.engine.publishMessage('significant-change', 'pr-2', {});
    await h.at('2026-11-23T09:00:00Z');
    await h.complete(i, 'review', { reviewDate: '2027-02-19', reviewReason: 'significantChange', whatChanged: 'new offence', progress: 'p', reviewOutcome: 'reassess' });
    const child = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'assetplus-assessment');
    expect(child?.elementId).toBe('infoGathering');
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['reassess']);
  });
});

describe('Feature: plan review — overdue (non-interrupting boundaries)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Overdue: the case manager is emailed at the due date, the team manager 2 WD later', async () => {
    const i = await h.start('plan-review', { caseId: 'pr-late' });
    await h.at('2027-02-19T17:00:00Z');
    await h.at('2027-02-23T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['reminder:reviewDue', 'overdue:reviewDue']);
    await h.at('2027-02-25T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['reminder:reviewDue', 'overdue:reviewDue', 'manager:reviewDue']);
    expect(await h.openTasks(i)).toEqual(['review']);
  });
});

describe('Feature: plan review — a significant change (the guidance\'s trigger)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Given the next scheduled review is months away, when a significant change is reported, the review opens at once and is due in 5 WD', async () => {
    const i = await h.start('plan-review', { caseId: 'pr-change' });
    expect((await h.vars(i)).deadlines).toMatchObject({ reviewDue: '2027-02-23T17:00:00.000Z' });
    await h.engine.publishMessage('significant-change', 'pr-change', { changeSummary: 'excluded from school' });
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['review']);
    expect((await h.task(i, 'review')).dueDate).toBe('2026-11-30T17:00:00.000Z');
    expect(h.emailsFor(i)).toEqual([]); // no scheduled-review reminder: the change brought it forward
    await h.complete(i, 'review', { reviewDate: '2026-11-24', reviewReason: 'significantChange', whatChanged: 'excluded from school', progress: 'p', reviewOutcome: 'continue' });
    expect((await h.vars(i)).deadlines).toMatchObject({ reviewDue: '2027-02-23T17:00:00.000Z' }); // the local default counts again from this review (completed 23 Nov)
  });

  test('When a review decides to close but other work keeps the case open, the review cycle goes on', async () => {
    const i = await h.start('plan-review', { caseId: 'pr-kept' });
    await h.start('assetplus-assessment', { caseId: 'pr-kept' }); // open work the closure may not drop
    await h.engine.publishMessage('significant-change', 'pr-kept', {});
    await h.at('2026-11-23T09:00:00Z');
    await h.complete(i, 'review', { reviewDate: '2026-11-23', reviewReason: 'significantChange', whatChanged: 'order ended', progress: 'p', reviewOutcome: 'close' });
    const closure = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'case-closure' && t.elementId === 'resolveWork');
    expect(closure).toBeDefined();
    await h.complete(closure!.instanceKey, 'resolveWork', { openWorkAction: 'withdraw', openWorkNotes: 'assessment still running' });
    expect(await h.state(i)).toBe('active');
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['wait']); // waiting for the next date or change
  });
});
