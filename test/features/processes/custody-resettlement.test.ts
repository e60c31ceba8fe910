import { processHarness, type ProcessHarness } from './support/process-harness';

// Sentenced Monday 23 November 2026. Sources: Sentencing Act 2020 ss. 233, 241-243 and Sch. 12 (detention and
// training order: detention for half the term, supervision for the rest, breach of supervision); gov.uk case
// management guidance, "custody and resettlement". The 10 WD initial planning meeting and the release plan a
// month before release are unverified defaults (timescales.json says so).
const dto = { order: { type: 'dto', lengthMonths: 6, madeOn: '2026-11-23', end: '2027-05-23' }, expectedReleaseDate: '2027-02-23', establishment: 'Wetherby YOI' };
const planning = { meetingDate: '2026-12-01', attendees: 'child, mother, YOI caseworker', sentencePlan: 'p' };
const releasePlan = { releaseDate: '2027-02-23', releaseAccommodation: 'home', releaseEte: 'college', supervisionRequirements: 'weekly' };

async function toSupervision(h: ProcessHarness, caseId: string, sentence: Record<string, unknown> = dto, supervisionType = 'notice-of-supervision') {
  const i = await h.start('custody-resettlement', { caseId });
  await h.complete(i, 'recordSentence', sentence);
  await h.complete(i, 'initialPlanning', planning);
  await h.at(((await h.vars(i)).reminders as Record<string, string>).custodyReleasePlanning);
  await h.complete(i, 'releasePlanning', releasePlan);
  await h.at('2027-02-22T17:00:00Z'); // 2 WD before the first appointment is due (the day after release)
  await h.complete(i, 'release', { releasedOn: '2027-02-23', supervisionType, contact: { appointmentDate: '2027-02-23', attendance: 'attended' } });
  return i;
}

describe('Feature: custody — detention and training order, initial planning meeting', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('The court officer records the sentence; the initial planning meeting is due 10 WD after sentence and escalates when missed', async () => {
    const i = await h.start('custody-resettlement', { caseId: 'cu-1' });
    const rec = await h.task(i, 'recordSentence');
    expect(rec.candidateGroups).toEqual(['court-officers']);
    expect(rec.dueDate).toBe('2026-11-24T17:00:00.000Z');
    await h.complete(i, 'recordSentence', dto);
    const meeting = await h.task(i, 'initialPlanning');
    expect(meeting.candidateGroups).toEqual(['case-managers']);
    expect(meeting.dueDate).toBe('2026-12-07T17:00:00.000Z');
    await h.at('2026-12-07T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['overdue:custodyInitialPlanning']);
    await h.at('2026-12-09T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['overdue:custodyInitialPlanning', 'manager:custodyInitialPlanning']);
  });
});

describe('Feature: custody — release planning, release and supervision in the community', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Release is planned a month before the half-way point; release starts supervision under the notice of supervision', async () => {
    const i = await h.start('custody-resettlement', { caseId: 'cu-2' });
    await h.complete(i, 'recordSentence', dto);
    await h.complete(i, 'initialPlanning', planning);
    const v = await h.vars(i);
    expect(v.deadlines).toMatchObject({ custodyReleasePlanning: '2027-01-23T17:00:00.000Z' }); // a month before 23 February
    await h.at((v.reminders as Record<string, string>).custodyReleasePlanning);
    const plan = await h.task(i, 'releasePlanning');
    expect(plan.candidateGroups).toEqual(['case-managers']);
    expect(plan.dueDate).toBe('2027-01-23T17:00:00.000Z');
    await h.complete(i, 'releasePlanning', releasePlan);
    expect(await h.openTasks(i)).toEqual([]);

    await h.at('2027-02-22T16:59:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2027-02-22T17:00:00Z');
    expect((await h.task(i, 'release')).dueDate).toBe('2027-02-24T17:00:00.000Z');
    await h.complete(i, 'release', { releasedOn: '2027-02-23', supervisionType: 'notice-of-supervision', contact: { appointmentDate: '2027-02-23', attendance: 'attended' } });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['supervisionWait']);
    expect((await h.vars(i)).deadlines).toMatchObject({ reviewDue: '2027-05-22T16:00:00.000Z' }); // 3-monthly review, BST
    await h.at('2027-05-20T16:00:00Z');
    expect((await h.task(i, 'supervisionReview')).candidateGroups).toEqual(['case-managers']);
    await h.complete(i, 'supervisionReview', { reviewDate: '2027-05-21', progress: 'p', supervisionOutcome: 'ended' });
    expect(await h.state(i)).toBe('completed');
  });
});

describe('Feature: custody — breach of supervision', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('A team manager decides; a warning keeps supervision going, an information to the youth court can end in detention', async () => {
    const i = await toSupervision(h, 'cu-3');
    await h.at('2027-03-01T10:00:00Z');
    expect((await h.engine.publishMessage('supervision-breach', 'cu-3', {})).correlated).toBe(true);
    await h.at('2027-03-01T10:00:00Z');
    const decide = await h.task(i, 'breachDecision');
    expect(decide.candidateGroups).toEqual(['team-managers']);
    expect(decide.dueDate).toBe('2027-03-02T17:00:00.000Z');
    await h.complete(i, 'breachDecision', { breach: { breachDate: '2027-02-28', breachDetails: 'missed', breachResponse: 'warning', breachReasons: 'first' } });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['supervisionWait']);

    await h.at('2027-03-08T10:00:00Z');
    await h.engine.publishMessage('supervision-breach', 'cu-3', {});
    await h.at('2027-03-08T10:00:00Z');
    await h.complete(i, 'breachDecision', { breach: { breachDate: '2027-03-07', breachDetails: 'missed again', breachResponse: 'information', breachReasons: 'second' } });
    expect((await h.task(i, 'breachCourt')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'breachCourt', { hearing: { court: 'Leeds Youth Court', date: '2027-03-10', purpose: 'breach', result: 'detained' }, expectedReleaseDate: '2027-04-30' });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['custodyWait']); // back in custody
    expect((await h.vars(i)).deadlines).toMatchObject({ custodyReleasePlanning: '2027-03-30T16:00:00.000Z' });
    await h.engine.cancelInstance(i);
  });

  test('Long sentence (section 250): release on licence starts supervision; a breach can lead to a recall request', async () => {
    const s250 = { order: { type: 'detention-s250', lengthMonths: 24, madeOn: '2026-11-23', end: '2028-11-23' }, expectedReleaseDate: '2027-02-23', establishment: 'Wetherby YOI' };
    await h.at('2026-11-23T09:00:00Z');
    const i = await toSupervision(h, 'cu-4', s250, 'licence');
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['supervisionWait']);
    await h.at('2027-03-01T10:00:00Z');
    await h.engine.publishMessage('supervision-breach', 'cu-4', {});
    await h.at('2027-03-01T10:00:00Z');
    await h.complete(i, 'breachDecision', { breach: { breachDate: '2027-02-28', breachDetails: 'curfew', breachResponse: 'recall', breachReasons: 'risk' } });
    await h.complete(i, 'breachCourt', { hearing: { result: 'no-action' } });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['supervisionWait']);
    await h.engine.cancelInstance(i);
  });
});
