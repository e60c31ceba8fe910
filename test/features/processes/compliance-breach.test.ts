import { readFileSync } from 'node:fs';
import path from 'node:path';
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { processHarness, type ProcessHarness } from './support/process-harness';

// Sentencing Act 2020: referral orders ss. 99–100 and Sch 4 para 2; youth rehabilitation orders Sch 7 para 4;
// detention and training orders s. 243 and Sch 12. Local: follow-up in 1 WD, a manager's sign-off of exceptions.
const yro = { id: 'order-yro', type: 'yro' };
const referral = { id: 'order-ro', type: 'referral-order' };
const dto = { id: 'order-dto', type: 'dto' };
const unacceptable = { contact: { appointmentDate: '2026-11-23', purpose: 'Supervision', attendance: 'missed', absence: 'unacceptable', absenceReason: 'no reason' } };
const warning = {
  yroResponse: 'warning',
  warning: { givenOn: '2026-11-24', method: 'letter', orderId: 'order-yro', circumstances: 'missed supervision', whyUnacceptable: 'no reason', consequence: 'court' },
};

/** Every element reachable from an element by sequence flows, read from the shipped file (not the engine). */
function reachableFrom(start: string): Set<string> {
  const xml = readFileSync(path.resolve(__dirname, '../../../processes/compliance-breach.bpmn'), 'utf8');
  const edges = [...xml.matchAll(/<bpmn:sequenceFlow [^>]*sourceRef="([^"]+)" targetRef="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  const seen = new Set([start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [s, t] of edges) if (seen.has(s) && !seen.has(t)) { seen.add(t); grew = true; }
  }
  return seen;
}

describe('Feature: compliance & breach by order type', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());
  // Each walk starts on the day of the failure (Mon 23 Nov 2026); some walks move the clock on.
  beforeEach(() => h.at('2026-11-23T09:00:00Z'));

  let n = 0;
  const start = async (order: object, warningHistory: string[] = []) => {
    const caseId = `case-${++n}`;
    const i = await h.start('compliance-breach', { caseId, missedAt: '2026-11-23T09:00:00Z', order, warningHistory });
    return { i, caseId };
  };
  const failUnacceptably = async (order: object, warningHistory: string[] = []) => {
    const s = await start(order, warningHistory);
    await h.complete(s.i, 'followUp', unacceptable);
    return s;
  };
  const passed = async (i: string, elementId: string) =>
    (await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === elementId) ?? false;

  test('Given a missed appointment, then a follow-up task is due in 1 working day', async () => {
    const { i } = await start(yro);
    expect(await h.openTasks(i)).toEqual(['followUp']);
    const task = await h.task(i, 'followUp');
    expect(task.dueDate).toBe('2026-11-24T17:00:00.000Z');
    expect(task.candidateGroups).toEqual(['case-managers']);
    expect(task.formId).toBe('compliance-follow-up');
  });

  test('When the absence is acceptable, then the process ends without a warning', async () => {
    const { i } = await start(yro);
    await h.complete(i, 'followUp', { contact: { ...unacceptable.contact, absence: 'acceptable' } });
    expect(await h.state(i)).toBe('completed');
    expect(await passed(i, 'accepted')).toBe(true);
  });

  describe('Referral order (ss. 99–100, Sch 4 para 2)', () => {
    test('without a referral order process on the case, the panel\'s progress meeting is arranged here; no warning or information', async () => {
      const { i } = await failUnacceptably(referral);
      expect(await h.openTasks(i)).toEqual(['panel']);
      expect((await h.task(i, 'panel')).candidateGroups).toEqual(['panel-coordinators']);
      expect(await passed(i, 'countWarnings')).toBe(false);
    });

    test('with the referral order running, the breach goes to its panel: a progress meeting is requested there', async () => {
      const caseId = 'case-ro-running';
      const ro = await h.start('referral-order', { caseId, orderMadeAt: '2026-11-23', order: { ...referral, madeOn: '2026-11-23' } });
      await h.complete(ro, 'recordOrder', { order: { ...referral, madeOn: '2026-11-23', lengthMonths: 6, offences: 'Theft' } });
      await h.complete(ro, 'firstAppointment', { appointment: { id: 'c-1', appointmentDate: '2026-11-25', purpose: 'First appointment', attendance: 'attended' } });
      await h.complete(ro, 'victimContact', { victimWishesToAttend: false });
      await h.complete(ro, 'panelReport', { panelReportAssessment: 'AssetPlus', panelReport: 'Report' });
      await h.complete(ro, 'initialPanel', {
        initialMeeting: { id: 'pm-1', date: '2026-12-01', type: 'initial', attended: true, outcome: 'contract-signed' },
        contract: { id: referral.id, start: '2026-12-01' }, contractTerms: 'Reparation',
      });
      expect(await h.openTasks(ro)).toEqual([]);

      const i = await h.start('compliance-breach', { caseId, missedAt: '2026-11-23T09:00:00Z', order: referral, warningHistory: [] });
      await h.complete(i, 'followUp', unacceptable);
      await h.at('2026-11-23T09:00:00Z');
      expect(await passed(i, 'referredToPanel')).toBe(true);
      expect(await h.state(i)).toBe('completed');
      expect(await h.openTasks(ro)).toEqual(['arrangeProgress']); // the panel's progress meeting, in the order's own process
      await h.engine.cancelInstance(ro);
    });

    test('no path from the referral-order branch lays an information or gives a YRO warning', () => {
      const reach = reachableFrom('askPanel');
      expect(reach.has('referBack')).toBe(true);
      for (const direct of ['toCourt', 'court', 'warn', 'decide', 'countWarnings']) expect([direct, reach.has(direct)]).toEqual([direct, false]);
    });

    test('the panel may agree that the contract continues: no court', async () => {
      const { i } = await failUnacceptably(referral);
      await h.complete(i, 'panel', { panelMeeting: { id: 'p1', date: '2026-12-01', type: 'breach' } });
      await h.complete(i, 'panelDecision', { panelMeeting: { id: 'p1', outcome: 'continue-varied', variation: 'weekly', reasons: 'r' } });
      expect(await h.state(i)).toBe('completed');
      expect(await passed(i, 'contractContinues')).toBe(true);
    });

    test('only the panel refers back: its report goes to court and the court outcome closes the matter', async () => {
      const { i, caseId } = await failUnacceptably(referral);
      await h.complete(i, 'panel', { panelMeeting: { id: 'p2', date: '2026-12-01', type: 'breach' } });
      await h.complete(i, 'panelDecision', { panelMeeting: { id: 'p2', outcome: 'refer-back', reasons: 'r' } });
      expect(await h.openTasks(i)).toEqual(['referBack']);
      await h.complete(i, 'referBack', { reportSentOn: '2026-12-02', referBackReason: 'breach', hearing: { court: 'Youth court', date: '2026-12-15', purpose: 'referral-back' } });
      expect((await h.engine.publishMessage('court-outcome', caseId, { courtOutcome: 'order extended' })).correlated).toBe(true);
      await h.at('2026-11-23T09:00:00Z');
      expect(await h.state(i)).toBe('completed');
      expect(await passed(i, 'court')).toBe(false);
    });
  });

  describe('Youth rehabilitation order (Sch 7 para 4)', () => {
    test('first and second failures in 12 months: a warning each (a further warning is allowed)', async () => {
      for (const history of [[], ['2026-06-01T10:00:00Z']]) {
        const { i } = await failUnacceptably(yro, history);
        expect(await h.openTasks(i)).toEqual(['warn']);
        await h.complete(i, 'warn', warning);
        expect(await passed(i, 'warned')).toBe(true);
      }
    });

    test('an information may be laid without any warning', async () => {
      const { i } = await failUnacceptably(yro);
      expect((await h.vars(i)).warningsInWindow).toBe(0);
      await h.complete(i, 'warn', { yroResponse: 'lay-information', informationReason: 'serious failure' });
      expect(await h.openTasks(i)).toEqual(['court']);
      expect((await h.task(i, 'court')).candidateGroups).toEqual(['court-officers']);
    });

    test('after a warning and a further warning within 12 months, the officer must lay an information', async () => {
      const { i, caseId } = await failUnacceptably(yro, ['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      expect(await h.openTasks(i)).toEqual(['decide']);
      expect((await h.task(i, 'decide')).candidateGroups).toEqual(['case-managers']); // the responsible officer
      await h.complete(i, 'decide', { breachDecision: 'lay-information' });
      await h.complete(i, 'court', { informationLaidOn: '2026-11-25', hearing: { court: 'Youth court', date: '2026-12-10', purpose: 'breach' } });
      expect((await h.engine.publishMessage('court-outcome', caseId, { courtOutcome: 'order amended' })).correlated).toBe(true);
      await h.at('2026-11-23T09:00:00Z');
      expect(await passed(i, 'breachDone')).toBe(true);
    });

    test('the warnings counted are the case record\'s warnings on this order (offending.warnings items)', async () => {
      const warningItem = (id: string, givenOn: string, orderId: string) =>
        ({ id, values: { givenOn, orderId, method: 'letter' }, sources: {} });
      await h.cases.create({
        id: 'case-warned', team: 'east', status: 'open', createdAt: '2026-01-01T09:00:00Z', createdBy: 'tester',
        identity: { nameKey: 'child warned', dateOfBirth: '2010-01-01', displayName: 'Child Warned' },
        sections: { offending: { values: {}, revision: 0, updatedAt: '2026-09-01T09:00:00Z', updatedBy: 'tester', sources: {}, collections: {
          warnings: [warningItem('w1', '2026-02-01', 'order-yro'), warningItem('w2', '2026-08-01', 'order-yro'), warningItem('w3', '2026-09-01', 'order-old')],
        } } },
      }, []);
      const yroCase = await h.start('compliance-breach', { caseId: 'case-warned', missedAt: '2026-11-23T09:00:00Z', order: yro });
      await h.complete(yroCase, 'followUp', unacceptable);
      expect((await h.vars(yroCase)).warningHistory).toEqual(['2026-02-01', '2026-08-01']);
      expect(await h.openTasks(yroCase)).toEqual(['decide']); // two warnings on this order: an information is due

      const otherOrder = await h.start('compliance-breach', { caseId: 'case-warned', missedAt: '2026-11-23T09:00:00Z', order: { id: 'order-old', type: 'yro' } });
      await h.complete(otherOrder, 'followUp', unacceptable);
      expect(await h.openTasks(otherOrder)).toEqual(['warn']); // one warning on that order: a further warning is allowed
    });

    test('a warning older than 12 months does not count: a further warning is still allowed', async () => {
      const { i } = await failUnacceptably(yro, ['2025-10-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      expect(await h.openTasks(i)).toEqual(['warn']);
    });

    test('with the local rule on (default), exceptional circumstances need a team manager\'s sign-off', async () => {
      const { i } = await failUnacceptably(yro, ['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      await h.complete(i, 'decide', { breachDecision: 'exception', exceptionalCircumstances: 'bereavement' });
      expect(await h.openTasks(i)).toEqual(['signOff']);
      expect((await h.task(i, 'signOff')).candidateGroups).toEqual(['team-managers']);
      await h.complete(i, 'signOff', { signOff: 'agree', signOffReasons: 'agreed' });
      expect(await passed(i, 'exception')).toBe(true);
    });

    test('a manager who does not agree sends it to court', async () => {
      const { i } = await failUnacceptably(yro, ['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      await h.complete(i, 'decide', { breachDecision: 'exception', exceptionalCircumstances: 'x' });
      await h.complete(i, 'signOff', { signOff: 'disagree', signOffReasons: 'not exceptional' });
      expect(await h.openTasks(i)).toEqual(['court']);
    });

    test('with the local rule switched off, the officer\'s decision stands alone; running cases keep their rule', async () => {
      const running = await failUnacceptably(yro, ['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      await updateTimescale({ timescales: h.timescales, clock: h.clock }, { id: 'manager-1', roles: ['team-managers'] }, {
        timescaleId: 'yroExceptionDecisionMakers', value: 1, unit: 'count', reason: 'Follow the statute: the officer decides',
      });
      const { i } = await failUnacceptably(yro, ['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
      await h.complete(i, 'decide', { breachDecision: 'exception', exceptionalCircumstances: 'bereavement' });
      expect(await h.state(i)).toBe('completed');
      expect(await passed(i, 'exceptionByOfficer')).toBe(true);
      expect(await passed(i, 'signOff')).toBe(false);

      await h.complete(running.i, 'decide', { breachDecision: 'exception', exceptionalCircumstances: 'bereavement' });
      expect(await h.openTasks(running.i)).toEqual(['signOff']);
    });
  });

  describe('Detention and training order, supervision period (s. 243, Sch 12)', () => {
    test('no YRO warning count: the officer decides and an information takes it to court', async () => {
      const { i } = await failUnacceptably(dto);
      expect(await h.openTasks(i)).toEqual(['enforce']);
      expect(await passed(i, 'countWarnings')).toBe(false);
      await h.complete(i, 'enforce', { enforcement: 'lay-information', enforcementReasons: 'missed supervision' });
      expect(await h.openTasks(i)).toEqual(['court']);
    });

    test('with the custody process supervising the child, the breach goes to it (a team manager decides there)', async () => {
      const caseId = 'case-dto-running';
      const c = await h.start('custody-resettlement', { caseId });
      await h.complete(c, 'recordSentence', { order: { ...dto, lengthMonths: 6, madeOn: '2026-11-23', end: '2027-05-23' }, expectedReleaseDate: '2027-02-23', establishment: 'Wetherby YOI' });
      await h.complete(c, 'initialPlanning', { meetingDate: '2026-12-01', attendees: 'child', sentencePlan: 'p' });
      await h.at(((await h.vars(c)).reminders as Record<string, string>).custodyReleasePlanning);
      await h.complete(c, 'releasePlanning', { releaseDate: '2027-02-23', releaseAccommodation: 'home', releaseEte: 'college', supervisionRequirements: 'weekly' });
      await h.at('2027-02-22T17:00:00Z');
      await h.complete(c, 'release', { releasedOn: '2027-02-23', supervisionType: 'notice-of-supervision', contact: { appointmentDate: '2027-02-23', attendance: 'attended' } });

      const i = await h.start('compliance-breach', { caseId, missedAt: '2027-03-01T10:00:00Z', order: dto, warningHistory: [] });
      await h.complete(i, 'followUp', { contact: { ...unacceptable.contact, appointmentDate: '2027-03-01' } });
      await h.at('2027-03-01T12:00:00Z');
      expect(await passed(i, 'passedToCustody')).toBe(true);
      expect(await passed(i, 'enforce')).toBe(false);
      expect(await h.openTasks(c)).toEqual(['breachDecision']);
      await h.engine.cancelInstance(c);
    });

    test('the officer may take no court action, with reasons', async () => {
      const { i } = await failUnacceptably(dto);
      await h.complete(i, 'enforce', { enforcement: 'no-court-action', enforcementReasons: 'first lapse, warned' });
      expect(await passed(i, 'noCourtAction')).toBe(true);
    });
  });

  test('When the follow-up is not done, then the team manager is emailed 2 working days after it fell due', async () => {
    const { i } = await start(yro);
    await h.at('2026-11-26T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-11-26T17:00:00Z'); // due Tue 24th 17:00 + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:missedAppointmentFollowUp']);
    expect(await h.openTasks(i)).toEqual(['followUp']); // non-interrupting: the task stays
  });
});
