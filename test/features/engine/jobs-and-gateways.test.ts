import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: service tasks as jobs, io mappings and exclusive gateways', () => {
  let h: Harness;
  let results: Record<string, unknown> = {};
  let failures = 0;
  beforeAll(async () => {
    h = await engineHarness(['service-gateway.bpmn']);
    h.handle('score-referral', (job) => {
      if (job.variables.failTimes && failures < Number(job.variables.failTimes)) {
        failures++;
        return { kind: 'fail', message: `scoring service down (${failures})`, backoffMs: 10_000 };
      }
      return { kind: 'complete', variables: { result: results[String(job.variables.caseId)] } };
    });
  });
  afterAll(() => h.close());

  test('Given a service task with input mapping and headers, when the worker completes it, then the output mapping feeds the gateway', async () => {
    results = { high: 9, low: 2 };
    const high = await h.engine.startInstance('service-gateway', { caseId: 'high', age: 15 });
    const low = await h.engine.startInstance('service-gateway', { caseId: 'low', age: 15 });
    await h.engine.runDue();
    const job = h.jobs.find((j) => j.instanceKey === high.instanceKey)!;
    expect(job).toMatchObject({ type: 'score-referral', elementId: 'score', headers: { mode: 'fast' }, retries: 2, processId: 'service-gateway' });
    expect(job.variables.doubled).toBe(30);
    const hi = await h.engine.getInstance(high.instanceKey);
    expect(hi?.state).toBe('completed');
    expect(hi?.variables.score).toBe(9);
    expect(hi?.variables).not.toHaveProperty('result'); // only mapped outputs reach the process
    expect(hi?.variables).not.toHaveProperty('doubled'); // input mappings stay local
    expect(hi?.timeline.some((t) => t.elementId === 'endHigh')).toBe(true);
    expect((await h.engine.getInstance(low.instanceKey))?.timeline.some((t) => t.elementId === 'endLow')).toBe(true);
  });

  test('Given a failing job, then it is retried after its backoff and raises an incident when retries run out; resolving retries it', async () => {
    failures = 0;
    results = { retry: 7 };
    const { instanceKey } = await h.engine.startInstance('service-gateway', { caseId: 'retry', age: 1, failTimes: 3 });
    await h.engine.runDue();
    expect(failures).toBe(1);
    expect(await h.engine.listIncidents({ instanceKey })).toHaveLength(0);
    await h.engine.runDue(); // backoff not elapsed: nothing runs
    expect(failures).toBe(1);
    h.clock.advance(10_000);
    await h.engine.runDue();
    expect(failures).toBe(2);
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ type: 'job-failed', elementId: 'score', message: 'scoring service down (2)' });
    expect(h.events.some((e) => e.type === 'incident.raised' && e.incident.id === incident.id)).toBe(true);
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect(failures).toBe(3); // third attempt fails again with its last retry → new incident
    const open = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(open).toHaveLength(1);
    await h.engine.resolveIncident(open[0].id);
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.score).toBe(7);
  });

  test('Given a job result without the variable its output mapping reads, then an io-mapping incident is raised at the task', async () => {
    results = {};
    const { instanceKey } = await h.engine.startInstance('service-gateway', { caseId: 'none', age: 3 });
    await h.engine.runDue();
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'score', type: 'io-mapping-error' });
    expect(incident.message).toMatch(/result/);
  });

  test('Given a gateway condition that does not evaluate to a boolean, then an incident is raised at the gateway', async () => {
    results = { nothing: null };
    const { instanceKey } = await h.engine.startInstance('service-gateway', { caseId: 'nothing', age: 3 });
    await h.engine.runDue();
    const incidents = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ elementId: 'gw', type: 'expression-error' });
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('incident');
  });
});
