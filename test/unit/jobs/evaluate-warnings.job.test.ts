import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { createEvaluateWarningsJob } from '../../../server/src/jobs/evaluate-warnings.job';
import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { inMemoryTimescaleRepository } from '../../support/in-memory-timescale.repository';

const defaults = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));
const handler = createEvaluateWarningsJob({
  timescales: inMemoryTimescaleRepository(defaults),
  calendar: createWorkingCalendar(),
  clock: { now: () => new Date('2026-11-24T10:00:00Z') },
});
const run = (variables: Record<string, unknown>) =>
  handler({ key: 'k', type: 'evaluate-warnings', processId: 'p', instanceKey: 'i', elementId: 'e', headers: {}, retries: 3, variables } as Job);

describe('evaluate-warnings job (YRO: third failure in 12 months)', () => {
  it('first failure: no earlier warnings → warning, not breach', async () => {
    expect(await run({})).toMatchObject({ kind: 'complete', variables: { warningsInWindow: 0, warningsAllowed: 2, breachRequired: false } });
  });

  it('second failure: one warning in the window → another warning', async () => {
    expect(await run({ warningHistory: ['2026-06-01T10:00:00Z'] })).toMatchObject({ variables: { breachRequired: false } });
  });

  it('third failure: two warnings in 12 months → breach action required', async () => {
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
