import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import type { Timescale } from '../../../server/src/domain/timescales';
import { createEvaluateWarningsJob } from '../../../server/src/jobs/evaluate-warnings.job';
import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { inMemoryTimescaleRepository } from '../../support/in-memory-timescale.repository';

const defaults = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));
const handlerOver = (timescales: Timescale[]) => createEvaluateWarningsJob({
  timescales: inMemoryTimescaleRepository(timescales),
  calendar: createWorkingCalendar(),
  clock: { now: () => new Date('2026-11-24T10:00:00Z') },
});
const handler = handlerOver(defaults);
const job = (variables: Record<string, unknown>) =>
  ({ key: 'k', type: 'evaluate-warnings', processId: 'p', instanceKey: 'i', elementId: 'e', headers: {}, retries: 3, variables } as Job);
const run = (variables: Record<string, unknown>) => handler(job(variables));

// Sentencing Act 2020 Sch 7 para 4: a breach in a warned period after a further warning in that period → information.
describe('evaluate-warnings job (YRO: information after a warning and a further warning within 12 months)', () => {
  it('first failure: no earlier warnings → warning, not breach', async () => {
    expect(await run({})).toMatchObject({ kind: 'complete', variables: { warningsInWindow: 0, warningsAllowed: 2, breachRequired: false } });
  });

  it('second failure: one warning in the window → a further warning is still allowed', async () => {
    expect(await run({ warningHistory: ['2026-06-01T10:00:00Z'] })).toMatchObject({ variables: { breachRequired: false } });
  });

  it('third failure: a warning and a further warning in 12 months → an information is required', async () => {
    expect(await run({ warningHistory: ['2026-01-10T10:00:00Z', '2026-09-01T10:00:00Z'] })).toMatchObject({
      variables: { warningsInWindow: 2, breachRequired: true },
    });
  });

  it('a warning older than 12 months falls out of the window (boundary day still counts)', async () => {
    expect(await run({ warningHistory: ['2025-11-23T10:00:00Z', '2026-09-01T10:00:00Z'] })).toMatchObject({
      variables: { warningsInWindow: 1, breachRequired: false },
    });
    expect(await run({ warningHistory: ['2025-11-24T10:00:00Z', '2026-09-01T10:00:00Z'] })).toMatchObject({
      variables: { warningsInWindow: 2, breachRequired: true },
    });
  });

  it('counts from failedAt when given', async () => {
    expect(await run({ failedAt: '2027-08-01T10:00:00Z', warningHistory: ['2026-01-10T10:00:00Z', '2026-09-01T10:00:00Z'] }))
      .toMatchObject({ variables: { warningsInWindow: 1, breachRequired: false } });
  });

  it('raises an incident for a malformed history', async () => {
    expect(await run({ warningHistory: ['yesterday'] })).toMatchObject({ kind: 'fail', retries: 0 });
  });
});

describe('evaluate-warnings job: who decides exceptional circumstances (a local setting)', () => {
  const withDeciders = (value: number) => defaults.map((t) => (t.id === 'yroExceptionDecisionMakers' ? { ...t, value } : t));

  it('by default (local rule) a team manager signs off the officer\'s finding', async () => {
    expect(await run({})).toMatchObject({ variables: { exceptionSignOffRequired: true } });
  });

  it('set to 1, the officer\'s decision stands alone (the statute)', async () => {
    expect(await handlerOver(withDeciders(1))(job({}))).toMatchObject({ variables: { exceptionSignOffRequired: false } });
  });

  it('a timescale set stored before the setting existed follows the statute', async () => {
    const older = defaults.filter((t) => t.id !== 'yroExceptionDecisionMakers');
    expect(await handlerOver(older)(job({}))).toMatchObject({ variables: { exceptionSignOffRequired: false } });
  });
});
