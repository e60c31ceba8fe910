import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { createCalculateDeadlinesJob } from '../../../server/src/jobs/calculate-deadlines.job';
import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { inMemoryTimescaleRepository } from '../../support/in-memory-timescale.repository';

const defaults = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));
const clock = { now: () => new Date('2026-11-24T10:00:00Z') }; // Tuesday
const calendar = createWorkingCalendar();

function job(headers: Record<string, string>, variables: Record<string, unknown> = {}): Job {
  return { key: 'j1', type: 'calculate-deadlines', processId: 'p', instanceKey: 'i1', elementId: 'calc', variables, headers, retries: 3 };
}

describe('calculate-deadlines job', () => {
  const setup = () => {
    const repo = inMemoryTimescaleRepository(defaults);
    return { repo, handler: createCalculateDeadlinesJob({ timescales: repo, calendar, clock }) };
  };

  it('writes deadlines, reminders and escalations as ISO dates, and records the version used', async () => {
    const { handler } = setup();
    const outcome = await handler(job({ timescales: 'oocdAssessment', from: 'referralReceivedAt' }, { referralReceivedAt: '2026-11-24T09:00:00Z' }));
    expect(outcome).toEqual({
      kind: 'complete',
      variables: {
        deadlines: { oocdAssessment: '2026-12-08T17:00:00.000Z' }, // 10 WD
        reminders: { oocdAssessment: '2026-12-04T17:00:00.000Z' }, // 2 WD before
        escalations: { oocdAssessment: '2026-12-10T17:00:00.000Z' }, // 2 WD after
        timescalesVersion: 1,
      },
    });
  });

  it('counts from now when no start variable is named, and supports id@variable and "before" timescales', async () => {
    const { handler } = setup();
    const outcome = await handler(job(
      { timescales: 'referralOrderFirstAppointment, psrQaSignOff@court.date' },
      { court: { date: '2026-12-29T10:00:00Z' }, deadlines: { earlier: '2026-01-01T17:00:00.000Z' } },
    ));
    expect(outcome.kind).toBe('complete');
    const vars = (outcome as { variables: Record<string, Record<string, string>> }).variables;
    expect(vars.deadlines).toEqual({
      earlier: '2026-01-01T17:00:00.000Z', // kept: the job merges into existing deadlines
      referralOrderFirstAppointment: '2026-12-01T17:00:00.000Z',
      psrQaSignOff: '2026-12-23T17:00:00.000Z', // 2 WD before Tue 29 Dec, over Christmas
    });
  });

  it('reads the list from variables when the task has no headers', async () => {
    const { handler } = setup();
    const outcome = await handler(job({}, { deadlineTimescales: ['planReview'], deadlineFrom: 'planAgreedAt', planAgreedAt: '2026-11-30' }));
    expect(outcome).toMatchObject({ kind: 'complete', variables: { deadlines: { planReview: '2027-02-28T17:00:00.000Z' } } });
  });

  it('stores a result under another name with name=id (one task, due date from either timescale)', async () => {
    const { handler } = setup();
    const outcome = await handler(job({ timescales: 'reviewDue=defaultTaskDue' }, { deadlines: { reviewDue: '2027-02-24T17:00:00.000Z' } }));
    expect(outcome).toMatchObject({ variables: { deadlines: { reviewDue: '2026-12-01T17:00:00.000Z' } } });
  });

  it('takes the first present alternative of from="a|b|now"', async () => {
    const { handler } = setup();
    const headers = { timescales: 'oocdAssessment', from: 'orderMadeAt|now' };
    expect(await handler(job(headers, { orderMadeAt: '2026-12-21' }))).toMatchObject({
      variables: { deadlines: { oocdAssessment: '2027-01-07T17:00:00.000Z' } },
    });
    expect(await handler(job(headers, {}))).toMatchObject({ variables: { deadlines: { oocdAssessment: '2026-12-08T17:00:00.000Z' } } });
    expect(await handler(job({ timescales: 'oocdAssessment', from: 'a|b' }, {}))).toMatchObject({ kind: 'fail', retries: 0 });
  });

  it('keeps the version an instance already used after a manager changes the timescale', async () => {
    const { repo, handler } = setup();
    await updateTimescale({ timescales: repo, clock }, { id: 'm', roles: ['team-managers'] }, {
      timescaleId: 'oocdAssessment', value: 5, unit: 'workingDays', reason: 'pilot',
    });
    const vars = { referralReceivedAt: '2026-11-24T09:00:00Z' };
    const running = await handler(job({ timescales: 'oocdAssessment', from: 'referralReceivedAt' }, { ...vars, timescalesVersion: 1 }));
    const fresh = await handler(job({ timescales: 'oocdAssessment', from: 'referralReceivedAt' }, vars));
    expect(running).toMatchObject({ variables: { deadlines: { oocdAssessment: '2026-12-08T17:00:00.000Z' }, timescalesVersion: 1 } });
    expect(fresh).toMatchObject({ variables: { deadlines: { oocdAssessment: '2026-12-01T17:00:00.000Z' }, timescalesVersion: 2 } });
  });

  it.each([
    [{}, {}, /No timescales/],
    [{ timescales: 'noSuchThing' }, {}, /Unknown timescale "noSuchThing"/],
    [{ timescales: 'yroWarningsBeforeBreach' }, {}, /not a deadline/],
    [{ timescales: 'oocdDecision', from: 'bailDate' }, {}, /Variable "bailDate" must hold a date/],
    [{ timescales: 'oocdDecision' }, { timescalesVersion: 99 }, /version 99 does not exist/],
  ])('raises an incident (no retries) for a modelling mistake: %p', async (headers, variables, message) => {
    const { handler } = setup();
    const outcome = await handler(job(headers as Record<string, string>, variables));
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
    expect((outcome as { message: string }).message).toMatch(message);
  });

  it('retries when the repository is unavailable', async () => {
    const handler = createCalculateDeadlinesJob({
      timescales: { current: () => Promise.reject(new Error('db down')) } as never, calendar, clock,
    });
    expect(await handler(job({ timescales: 'oocdAssessment' }))).toMatchObject({ kind: 'fail', retries: 2 });
  });

  it('gives no early reminder when the timescale is shorter than the lead time', async () => {
    const { handler } = setup();
    const outcome = await handler(job({ timescales: 'missedAppointmentFollowUp' }));
    const vars = (outcome as { variables: Record<string, Record<string, string>> }).variables;
    expect(vars.reminders.missedAppointmentFollowUp).toBe(vars.deadlines.missedAppointmentFollowUp);
  });
});
