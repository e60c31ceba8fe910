import { processHarness, type ProcessHarness } from './support/process-harness';

// gov.uk youth justice case management guidance, "How to manage transitions": start preparing a child
// eligible for transfer to the Probation Service usually at 17 years and six months; a transition plan with
// the child and family; information shared with Probation before the transfer; planned introductions.
// A child born 10 September 2009 is 17½ on 10 March 2027 and 18 on 10 September 2027.
describe('Feature: transition to probation (planning from 17½)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const openCase = (id: string, dateOfBirth: string) => h.cases.create({
    id, team: 'east', status: 'open', createdAt: '2026-11-01T09:00:00Z', createdBy: 'tester',
    identity: { nameKey: `child ${id}`, dateOfBirth, displayName: `Child ${id}` }, sections: {},
  }, []);
  const PLAN = { orderEndDate: '2028-03-01', transitionPlan: 'needs, strengths, supports', childViewsOnTransition: 'worried about a new worker', familyInvolvedInPlan: 'yes', transferDecisionReasons: 'order runs 6 months past 18' };

  test('Given a child born 10 September 2009, the planning task appears when they are 17½ (date of birth read from the case), and the transfer steps are due by their 18th birthday', async () => {
    await openCase('tp-1', '2009-09-10');
    const i = await h.start('transition-to-probation', { caseId: 'tp-1' });
    expect((await h.vars(i)).dateOfBirth).toBe('2009-09-10');
    expect((await h.vars(i)).deadlines).toMatchObject({ planningStart: '2027-03-10T17:00:00.000Z', eighteenth: '2027-09-10T16:00:00.000Z' });
    await h.at('2027-03-10T16:59:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2027-03-10T17:00:00Z');
    expect(await h.openTasks(i)).toEqual(['plan']);

    await h.complete(i, 'plan', { ...PLAN, transferDecision: 'transfer' });
    expect(await h.openTasks(i)).toEqual(['shareInfo']);
    expect((await h.task(i, 'shareInfo')).dueDate).toBe('2027-09-10T16:00:00.000Z');
    await h.complete(i, 'shareInfo', {
      probation: { name: 'Probation Service, North', contact: 'pp@example.org', role: 'receiving office' },
      informationSharedOn: '2027-05-01', informationShared: ['assessment', 'plan', 'transitionPlan', 'childViews'],
    });
    await h.complete(i, 'jointMeeting', { jointMeetingDate: '2027-06-01', jointMeetingAttendees: ['child', 'caseManager', 'probation'], jointMeetingNotes: 'introductions agreed' });
    await h.complete(i, 'handover', { probation: { worker: 'A. Practitioner' }, handoverDate: '2027-09-10' });

    // The handover ends this service's work: the case goes to closure, whose end-of-intervention record starts with health.
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['closeCase']);
    const closure = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'case-closure');
    expect(closure?.elementId).toBe('healthData');
  });

  test('When the service keeps supervising to the end of the order, nothing is shared or handed over', async () => {
    const i = await h.start('transition-to-probation', { caseId: 'tp-2', dateOfBirth: '2009-01-15' });
    expect(await h.openTasks(i)).toEqual(['plan']); // already past 17½ (15 July 2026): the task opens at once
    await h.complete(i, 'plan', { ...PLAN, transferDecision: 'stay' });
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.getInstance(i))?.timeline.some((e) => e.elementId === 'shareInfo')).toBe(false);
  });

  test('A case without a date of birth stops with an incident naming the problem (no silent default)', async () => {
    const i = await h.start('transition-to-probation', { caseId: 'tp-missing' });
    expect((await h.engine.listIncidents({ instanceKey: i, state: 'open' })).map((x) => x.message)).toEqual([expect.stringMatching(/tp-missing/)]);
    expect(await h.openTasks(i)).toEqual([]);
  });
});
