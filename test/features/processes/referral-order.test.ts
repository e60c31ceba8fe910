// Feature walks of the referral order lifecycle (Sentencing Act 2020 Part 6 Chapter 1 and Sch 4): each test
// asserts a statutory branch — a contract not agreed gets a further meeting before court (s. 95(2), s. 98),
// non-attendance may adjourn (s. 92(3)), the order runs from the contract and its end date schedules the
// final meeting and the end of supervision (s. 101), a court outcome that continues or extends the order
// keeps it going (Sch 4), and progress meetings are arranged well before they are due.
import { processHarness, type ProcessHarness } from './support/process-harness';

const ORDER = { id: 'ord-1', type: 'referral-order', madeOn: '2026-11-23' };
const start = (h: ProcessHarness, caseId: string) =>
  h.start('referral-order', { caseId, orderMadeAt: '2026-11-23', order: ORDER });

async function toInitialPanel(h: ProcessHarness, i: string, lengthMonths = 6) {
  await h.complete(i, 'recordOrder', { order: { ...ORDER, lengthMonths, offences: 'Theft from a shop' } });
  await h.complete(i, 'firstAppointment', { appointment: { id: 'c-1', appointmentDate: '2026-11-25', purpose: 'Referral order: first appointment', attendance: 'attended' } });
  await h.complete(i, 'victimContact', { victimWishesToAttend: false });
  await h.complete(i, 'panelReport', { panelReportAssessment: 'AssetPlus, 27 November', panelReport: 'Report' });
}
const signed = (date: string) => ({
  initialMeeting: { id: `pm-${date}`, date, type: 'initial', attended: true, outcome: 'contract-signed' },
  contract: { id: 'ord-1', start: date }, contractTerms: 'Reparation and two sessions a week',
});
const arranged = (h: ProcessHarness, i: string, task: string, on: string, end: string) =>
  h.complete(i, task, { meetingArrangedFor: on, volunteersBooked: true, childNotified: true, orderTerm: { id: 'ord-1', end } });
const progress = (date: string, outcome: string, extra: Record<string, unknown> = {}) => ({
  progressMeeting: { id: `pm-${date}`, date, type: 'progress', attended: outcome !== 'adjourned', outcome, ...extra },
  progressSummary: 'Progress',
});
async function endedAt(h: ProcessHarness, i: string): Promise<string[]> {
  const timeline = (await h.engine.getInstance(i))?.timeline ?? [];
  return timeline.filter((e) => e.elementType === 'endEvent' && e.event === 'completed').map((e) => e.elementId);
}

// Order made Monday 23 November 2026; nothing here moves the clock.
describe('Feature: referral order — before and at the initial meeting', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('The order is recorded, the first appointment is in 5 WD, the panel report is ready before the initial meeting in 20 WD', async () => {
    const i = await start(h, 'ro-prep');
    expect(await h.openTasks(i)).toEqual(['firstAppointment', 'panelReport', 'recordOrder', 'victimContact']);
    expect((await h.task(i, 'recordOrder')).candidateGroups).toEqual(['court-officers']);
    expect((await h.task(i, 'firstAppointment')).dueDate).toBe('2026-11-30T17:00:00.000Z');
    expect((await h.task(i, 'panelReport')).dueDate).toBe('2026-12-17T17:00:00.000Z'); // 2 WD before the meeting is due
    await toInitialPanel(h, i);
    const panel = await h.task(i, 'initialPanel');
    expect(panel.candidateGroups).toEqual(['panel-coordinators']);
    expect(panel.dueDate).toBe('2026-12-21T17:00:00.000Z');
    await h.engine.cancelInstance(i);
  });

  test('Contract not agreed: a further meeting, not court; the child absent: adjourned; then signed, the order runs from the contract', async () => {
    const i = await start(h, 'ro-further');
    await toInitialPanel(h, i, 6);
    await h.complete(i, 'initialPanel', {
      initialMeeting: { id: 'pm-1', date: '2026-12-01', type: 'initial', attended: true, outcome: 'further-meeting', notAgreedReason: 'Wants advice first', nextMeetingOn: '2026-12-08' },
    });
    expect(await h.openTasks(i)).toEqual(['initialPanel']);
    expect((await h.task(i, 'initialPanel')).dueDate).toBe('2026-12-09T17:00:00.000Z'); // its outcome recorded 1 WD after it
    expect((await h.vars(i)).initialMeeting).toBeNull(); // the next meeting's form starts empty

    await h.complete(i, 'initialPanel', {
      initialMeeting: { id: 'pm-2', date: '2026-12-08', type: 'further', attended: false, outcome: 'adjourned', nextMeetingOn: '2026-12-15' },
    });
    expect(await h.openTasks(i)).toEqual(['initialPanel']);
    expect((await h.task(i, 'initialPanel')).dueDate).toBe('2026-12-16T17:00:00.000Z');

    await h.complete(i, 'initialPanel', signed('2026-12-15'));
    expect(await h.openTasks(i)).toEqual([]);
    const v = await h.vars(i);
    expect(v.orderTerm).toEqual({ end: '2027-06-14' }); // 6 months beginning with the day of signing
    expect(v.deadlines).toMatchObject({ progressMeetingDue: '2027-03-15T17:00:00.000Z', orderEnds: '2027-06-15T16:00:00.000Z' });
    await h.engine.cancelInstance(i);
  });

  test('Referred back before a contract; the court lets the order continue: back to a meeting to agree the contract', async () => {
    const i = await start(h, 'ro-nocontract');
    await toInitialPanel(h, i);
    await h.complete(i, 'initialPanel', {
      initialMeeting: { id: 'pm-1', date: '2026-12-01', type: 'initial', attended: true, outcome: 'refer-back', notAgreedReason: 'Refused every proposal' },
    });
    expect((await h.task(i, 'referBack')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'referBack', {
      hearing: { id: 'h-1', court: 'Youth court', date: '2026-12-14', reason: 'contract-not-agreed' }, referBackReport: 'Report',
    });
    expect((await h.task(i, 'courtDecision')).dueDate).toBe('2026-12-21T17:00:00.000Z'); // 5 WD after the hearing
    await h.complete(i, 'courtDecision', { hearingResult: { id: 'h-1', result: 'continue' } });
    expect(await h.state(i)).toBe('active');
    expect(await h.openTasks(i)).toEqual(['initialPanel']);
    expect((await h.task(i, 'initialPanel')).dueDate).toBe('2027-01-14T17:00:00.000Z'); // 20 WD after the hearing
    await h.engine.cancelInstance(i);
  });
});

// Contract signed Tuesday 1 December 2026 for 6 months: the order ends on Monday 31 May 2027.
describe('Feature: referral order — progress meetings, the final meeting and the end of the order', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Arranging a progress meeting opens 15 WD before it is due; the final meeting is scheduled from the end date; supervision ends after it', async () => {
    const i = await start(h, 'ro-life');
    await toInitialPanel(h, i, 6);
    await h.complete(i, 'initialPanel', signed('2026-12-01'));
    const v = await h.vars(i);
    expect(v.orderTerm).toEqual({ end: '2027-05-31' });
    expect(v.deadlines).toMatchObject({
      progressMeetingDue: '2027-03-01T17:00:00.000Z', progressArrange: '2027-02-08T17:00:00.000Z',
      finalMeetingDue: '2027-05-17T16:00:00.000Z', // 10 WD before 31 May (a bank holiday)
    });

    await h.at('2027-02-05T17:00:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2027-02-08T17:00:00Z'); // 15 WD before the meeting is due, not 2
    expect(await h.openTasks(i)).toEqual(['arrangeProgress']);
    expect((await h.task(i, 'arrangeProgress')).dueDate).toBe('2027-02-25T17:00:00.000Z');
    await arranged(h, i, 'arrangeProgress', '2027-02-26', '2027-05-31');
    expect((await h.task(i, 'progressPanel')).dueDate).toBe('2027-03-01T17:00:00.000Z');
    await h.complete(i, 'progressPanel', progress('2027-02-26', 'continue'));

    // The next progress meeting (26 May) would fall after arranging the final one opens: the final meeting is next.
    expect((await h.vars(i)).deadlines).toMatchObject({ finalArrange: '2027-04-23T16:00:00.000Z' });
    await h.at('2027-04-22T16:00:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2027-04-23T16:00:00Z');
    expect(await h.openTasks(i)).toEqual(['arrangeFinal']);
    // The coordinator confirms the end date the court's order gives (here later than worked out): supervision follows it.
    await arranged(h, i, 'arrangeFinal', '2027-05-14', '2027-06-04');
    expect((await h.task(i, 'finalPanel')).dueDate).toBe('2027-05-17T16:00:00.000Z');
    await h.complete(i, 'finalPanel', {
      finalMeeting: { id: 'pm-f', date: '2027-05-14', type: 'final', attended: true, outcome: 'completed' }, finalSummary: 'Done',
    });
    expect(await h.state(i)).toBe('active'); // the order runs to its end date
    await h.at('2027-06-01T16:00:00Z');
    expect(await h.state(i)).toBe('active');
    await h.at('2027-06-05T16:00:00Z');
    expect(await h.state(i)).toBe('completed');
    expect(await endedAt(h, i)).toEqual(['completed']);
  });
});

describe('Feature: referral order — referral back to court from a progress meeting', () => {
  let h: ProcessHarness;
  let good: string;
  let ext: string;
  let declined: string;
  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    good = await start(h, 'ro-good');
    ext = await start(h, 'ro-ext');
    declined = await start(h, 'ro-declined');
    for (const i of [good, ext, declined]) {
      await toInitialPanel(h, i, 6);
      await h.complete(i, 'initialPanel', signed('2026-12-01'));
    }
    await h.at('2027-02-08T17:00:00Z');
    for (const i of [good, ext, declined]) await arranged(h, i, 'arrangeProgress', '2027-02-26', '2027-05-31');
  });
  afterAll(() => h.close());

  test('Good progress: the panel asks the court to revoke (s. 102); the court revokes and the order ends', async () => {
    await h.complete(good, 'progressPanel', progress('2027-02-26', 'refer-back'));
    await h.complete(good, 'referBack', {
      hearing: { id: 'h-good', court: 'Youth court', date: '2027-03-10', reason: 'good-progress' }, referBackReport: 'Every session attended',
    });
    await h.complete(good, 'courtDecision', { hearingResult: { id: 'h-good', result: 'revoked' } });
    expect(await h.state(good)).toBe('completed');
    expect(await endedAt(h, good)).toEqual(['endedByCourt']);
  });

  test('Good progress, but the court declines to revoke: the order continues and the decision date is kept for the 3-month bar (s. 102(4))', async () => {
    await h.complete(declined, 'progressPanel', progress('2027-02-26', 'refer-back'));
    await h.complete(declined, 'referBack', {
      hearing: { id: 'h-dec', court: 'Youth court', date: '2027-03-10', reason: 'good-progress' }, referBackReport: 'Every session attended',
    });
    await h.complete(declined, 'courtDecision', { hearingResult: { id: 'h-dec', result: 'continue' } });
    expect(await h.state(declined)).toBe('active');
    const v = await h.vars(declined);
    expect(v.revocationDeclinedOn).toBe('2027-03-10');
    expect(v.deadlines).toMatchObject({ progressMeetingDue: '2027-06-10T16:00:00.000Z' });
  });

  test('Absent from a progress meeting: adjourned; then breach: the court extends the order, which continues with a new end date', async () => {
    await h.complete(ext, 'progressPanel', progress('2027-02-26', 'adjourned', { adjournedTo: '2027-03-05' }));
    expect(await h.openTasks(ext)).toEqual(['progressPanel']);
    expect((await h.task(ext, 'progressPanel')).dueDate).toBe('2027-03-08T17:00:00.000Z'); // 1 WD after the new date

    await h.complete(ext, 'progressPanel', progress('2027-03-05', 'refer-back'));
    await h.complete(ext, 'referBack', {
      hearing: { id: 'h-ext', court: 'Youth court', date: '2027-03-15', reason: 'breach' }, referBackReport: 'Missed four sessions',
    });
    await h.complete(ext, 'courtDecision', { hearingResult: { id: 'h-ext', result: 'extend' }, extension: { id: 'ord-1', lengthMonths: 9 } });
    expect(await h.state(ext)).toBe('active');
    const v = await h.vars(ext);
    expect(v.orderTerm).toEqual({ end: '2027-08-31' });
    expect(v.revocationDeclinedOn).toBeNull(); // a breach referral is not a declined revocation
    expect(v.deadlines).toMatchObject({
      progressMeetingDue: '2027-06-15T16:00:00.000Z', // counted from the hearing
      finalMeetingDue: '2027-08-16T16:00:00.000Z', // 10 WD before the new end (30 August is a bank holiday)
      orderEnds: '2027-09-01T16:00:00.000Z',
    });
    expect(await h.openTasks(ext)).toEqual([]);
  });
});

describe('Feature: referral order — a meeting the panel must hold between scheduled ones (s. 99(4)-(6))', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('A breach reported between meetings: arranging opens at once, the meeting is due in 5 WD, and the schedule then counts from it', async () => {
    const i = await start(h, 'ro-requested');
    await toInitialPanel(h, i, 6);
    await h.complete(i, 'initialPanel', signed('2026-12-01'));
    await h.at('2026-12-10T09:00:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.engine.publishMessage('referral-order-meeting-requested', 'ro-requested', {})).correlated).toBe(true);
    await h.at('2026-12-10T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['arrangeProgress']);
    expect((await h.vars(i)).deadlines).toMatchObject({ progressMeetingDue: '2026-12-17T17:00:00.000Z' });
    await arranged(h, i, 'arrangeProgress', '2026-12-16', '2027-05-31');
    expect((await h.task(i, 'progressPanel')).dueDate).toBe('2026-12-17T17:00:00.000Z');
    await h.complete(i, 'progressPanel', progress('2026-12-16', 'continue'));
    expect((await h.vars(i)).deadlines).toMatchObject({ progressMeetingDue: '2027-03-16T17:00:00.000Z' });
    expect(await h.openTasks(i)).toEqual([]);
  });
});

describe('Feature: referral order — initial meeting overdue', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('No initial meeting 2 WD after the 20 WD deadline: the team manager is emailed', async () => {
    const i = await start(h, 'ro-late');
    await toInitialPanel(h, i);
    await h.at('2026-12-23T17:00:00Z'); // 21 Dec + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:referralOrderInitialPanel']);
    expect(await h.openTasks(i)).toEqual(['initialPanel']);
  });
});
