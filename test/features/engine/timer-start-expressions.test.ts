import { DeploymentRejectedError, type DeployProblem } from '../../../server/src/ports/workflow-engine.port';
import { DAY, engineHarness, fixture, HOUR, MINUTE, type Harness } from './support/engine-harness';

describe('Feature: timer start events written as FEEL are evaluated once, at deploy, without variables', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['timer-start-feel.bpmn']); });
  afterAll(() => h.close());

  const started = async (processId: string) => (await h.engine.listUserTasks()).filter((t) => t.processId === processId);

  test('Given timeCycle =cycle(2, duration("PT1H")), then exactly two instances start, one an hour apart', async () => {
    h.clock.advance(HOUR - MINUTE);
    await h.engine.runDue();
    expect(await started('feel-cycle-start')).toHaveLength(0);
    for (let i = 0; i < 6; i++) { h.clock.advance(30 * MINUTE); await h.engine.runDue(); }
    const tasks = await started('feel-cycle-start');
    expect(tasks).toHaveLength(2);
    expect(Date.parse(tasks[1].createdAt) - Date.parse(tasks[0].createdAt)).toBe(HOUR);
    const instance = await h.engine.getInstance(tasks[0].instanceKey);
    expect(instance?.timeline[1].elementId).toBe('everyHour');
  });

  test('Given timeDate =date and time("2026-03-05T09:00:00Z"), then one instance starts when the clock reaches that moment', async () => {
    expect(await started('feel-date-start')).toHaveLength(0);
    h.clock.advance(3 * DAY);
    await h.engine.runDue();
    await h.engine.runDue();
    expect(await started('feel-date-start')).toHaveLength(1);
    h.clock.advance(30 * DAY);
    await h.engine.runDue();
    expect(await started('feel-date-start')).toHaveLength(1);
  });

  async function problemsOf(value: string, kind = 'timeDate'): Promise<DeployProblem[]> {
    const r = fixture('timer-start-feel.bpmn');
    r.content = r.content.replace('<bpmn:timeDate>=date and time("2026-03-05T09:00:00Z")</bpmn:timeDate>', `<bpmn:${kind}>${value}</bpmn:${kind}>`);
    try {
      await h.engine.deploy([r]);
    } catch (e) {
      expect(e).toBeInstanceOf(DeploymentRejectedError);
      return (e as DeploymentRejectedError).problems;
    }
    throw new Error('deploy was accepted');
  }

  test('Given a timer start expression that reads a process variable, then deploy is rejected naming the element and the missing variable', async () => {
    const problems = await problemsOf('=date and time(reviewDate)');
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'onDate', message: expect.stringMatching(/start event 'onDate'.*reviewDate/) }));
  });

  test('Given a timer start expression whose result is not a date, then deploy is rejected naming the element', async () => {
    const problems = await problemsOf('="next tuesday"');
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'onDate', message: expect.stringContaining('not an ISO 8601 date-time') }));
  });

  test('Given a timeCycle expression that yields a number, then deploy is rejected', async () => {
    const problems = await problemsOf('=1 + 2', 'timeCycle');
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'onDate', message: expect.stringContaining('expected a cycle but got number') }));
  });
});
