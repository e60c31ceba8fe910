// A timescale change is configuration, not code: new instances get the new deadline, running ones keep the
// version they started with — even for deadlines they calculate after the change.
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { processHarness, type ProcessHarness } from './support/process-harness';

describe('Feature: changing a timescale', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('out-of-court-disposal', {
    caseId, referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
  });
  async function toProgramme(i: string, caseId: string) {
    await h.complete(i, 'pdat', { assessmentDate: '2026-11-24', factorsForDesistance: 'x', recommendedOutcome: 'youth-caution' });
    await h.complete(i, 'victimViews', { victimContacted: false, noContactReason: 'n/a' });
    const ycc = { id: `d-${caseId}`, type: 'youth-conditional-caution' };
    await h.complete(i, 'panel', { disposal: { ...ycc, decisionReasons: 'r' } });
    await h.complete(i, 'policeDecision', { policeDecision: ycc });
    // The five requirements of s. 66B met; the conditions count from the day the caution is given.
    await h.complete(i, 'yccRequirements', { yccRequirements: { evidence: true, sufficientToCharge: true, admitted: true, explainedAndWarned: true,
      sixteenOrUnder: false, documentSigned: true, conditions: 'c', givenOn: '2026-11-23' } });
    return h.task(i, 'programme');
  }

  test('Given a running instance, when a manager shortens the assessment and lengthens YCC conditions, then only new instances use the new values', async () => {
    const running = await start('tc-1');
    expect((await h.task(running, 'pdat')).dueDate).toBe('2026-12-07T17:00:00.000Z'); // 10 WD

    const manager = { id: 'manager-1', roles: ['team-managers'] };
    await updateTimescale({ timescales: h.timescales, clock: h.clock }, manager, {
      timescaleId: 'oocdAssessment', value: 5, unit: 'workingDays', reason: 'Local protocol with the police',
    });
    await updateTimescale({ timescales: h.timescales, clock: h.clock }, manager, {
      timescaleId: 'yccConditions', value: 6, unit: 'months', reason: 'Pilot: longer programmes',
    });

    const fresh = await start('tc-2');
    expect((await h.task(fresh, 'pdat')).dueDate).toBe('2026-11-30T17:00:00.000Z'); // 5 WD
    expect((await h.vars(fresh)).timescalesVersion).toBe(3);
    expect((await h.task(running, 'pdat')).dueDate).toBe('2026-12-07T17:00:00.000Z'); // unchanged

    // Deadlines calculated after the change still use the instance's version.
    expect((await toProgramme(running, 'tc-1')).dueDate).toBe('2027-02-23T17:00:00.000Z'); // 3 months (v1)
    expect((await h.vars(running)).timescalesVersion).toBe(1);
    expect((await toProgramme(fresh, 'tc-2')).dueDate).toBe('2027-05-23T16:00:00.000Z'); // 6 months (v3), BST
  });
});
