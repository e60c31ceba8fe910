import { createPublishMessageJob, parseTimeToLive } from '../../../server/src/jobs/publish-message.job';
import type { Job } from '../../../server/src/ports/workflow-engine.port';

const job = (headers: Record<string, string>, variables: Record<string, unknown> = { caseId: 'c1' }): Job => ({
  key: 'j1', type: 'publish-message', processId: 'case-closure', instanceKey: 'i1', elementId: 'announceEnd', variables, headers, retries: 3,
});

describe('publish-message job', () => {
  const published: unknown[][] = [];
  const handler = createPublishMessageJob({
    engine: { publishMessage: async (...args: unknown[]) => { published.push(args); return { correlated: true }; } },
  });
  beforeEach(() => { published.length = 0; });

  it('publishes the named message keyed by caseId with the listed variables, once per job (its key in the message id)', async () => {
    const outcome = await handler(job(
      { messageName: 'intervention-ended', variables: 'closureDate, closureReason', timeToLive: 'P30D' },
      { caseId: 'c1', closureDate: '2027-01-15', closureReason: 'orderCompleted', healthNote: 'not passed on' },
    ));
    expect(published).toEqual([['intervention-ended', 'c1', { closureDate: '2027-01-15', closureReason: 'orderCompleted' },
      { ttlMs: 30 * 24 * 3_600_000, messageId: 'i1.announceEnd.j1' }]]);
    expect(outcome).toEqual({ kind: 'complete', variables: { announceEndPublished: { messageName: 'intervention-ended', correlated: true, buffered: false } } });
  });

  it('reads the correlation key from another variable when told to', async () => {
    await handler(job({ messageName: 'm', correlationKey: 'victimKey' }, { caseId: 'c1', victimKey: 'v9' }));
    expect(published[0].slice(0, 2)).toEqual(['m', 'v9']);
  });

  it('raises an incident (no retries) for modelling mistakes, publishing nothing', async () => {
    expect(await handler(job({}))).toMatchObject({ kind: 'fail', retries: 0, message: expect.stringMatching(/messageName/) });
    expect(await handler(job({ messageName: 'm' }, {}))).toMatchObject({ kind: 'fail', retries: 0, message: expect.stringMatching(/caseId/) });
    expect(await handler(job({ messageName: 'm', timeToLive: '30 days' }))).toMatchObject({ kind: 'fail', retries: 0 });
    expect(published).toEqual([]);
  });

  it('understands days and hours of an ISO 8601 duration', () => {
    expect(parseTimeToLive(undefined)).toBeUndefined();
    expect(parseTimeToLive('PT12H')).toBe(12 * 3_600_000);
    expect(parseTimeToLive('P1DT2H')).toBe(26 * 3_600_000);
    expect(parseTimeToLive('P')).toBe('invalid');
    expect(parseTimeToLive('P1M')).toBe('invalid');
  });
});
