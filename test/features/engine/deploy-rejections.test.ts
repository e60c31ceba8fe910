import { DeploymentRejectedError, type DeployProblem } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

describe('Feature: deploy refuses what the engine cannot run, naming element and line', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness([]); });
  afterAll(() => h.close());

  const base = () => fixture('service-gateway.bpmn');
  async function problemsOf(resources: { name: string; content: string }[]): Promise<DeployProblem[]> {
    try {
      await h.engine.deploy(resources);
    } catch (e) {
      expect(e).toBeInstanceOf(DeploymentRejectedError);
      return (e as DeploymentRejectedError).problems;
    }
    throw new Error('deploy was accepted');
  }

  test('Given a script task with neither a script nor a job, then deploy is rejected naming it, its id and line', async () => {
    const r = fixture('rejected-script-task.bpmn');
    r.content = r.content.replace('<bpmn:extensionElements><zeebe:script expression="=1 + 1" resultVariable="two" /></bpmn:extensionElements>', '');
    const problems = await problemsOf([r]);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'calc', line: 6, message: expect.stringContaining("script task 'calc' needs either a zeebe:script") }));
  });

  test('Given an unsupported zeebe extension or unknown attribute, then deploy names it', async () => {
    const r = base();
    r.content = r.content
      .replace('<zeebe:taskDefinition type="score-referral" retries="2" />', '<zeebe:taskDefinition type="score-referral" retries="2" /><zeebe:calledElement processId="x" />')
      .replace('<bpmn:exclusiveGateway id="gw"', '<bpmn:exclusiveGateway foo="bar" id="gw"');
    const problems = await problemsOf([r]);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'score', message: expect.stringContaining('unsupported extension element zeebe:CalledElement') }));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'gw', message: expect.stringContaining("'foo'") }));
  });

  test('Given a Camunda 7 attribute beside its Zeebe replacement, then deploy accepts it as Zeebe does; alone it is refused', async () => {
    const withC7 = (x: string) => x.replace('<bpmn:definitions ', '<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ')
      .replace(/<bpmn:serviceTask id="score"/, '<bpmn:serviceTask camunda:class="org.example.Score" id="score"');
    const both = base();
    both.content = withC7(both.content);
    await expect(h.engine.deploy([both])).resolves.toBeDefined();
    const alone = base();
    alone.content = withC7(alone.content).replace('<zeebe:taskDefinition type="score-referral" retries="2" />', '');
    const problems = await problemsOf([alone]);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'score', message: expect.stringContaining("unsupported attribute 'camunda:class'") }));
  });

  test('Given bad FEEL in a condition, then deploy is rejected with the flow id and line', async () => {
    const r = base();
    r.content = r.content.replace('=score &gt; 5', '=score &gt;&gt; (5');
    const problems = await problemsOf([r]);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'high', line: 18, message: expect.stringContaining('invalid FEEL') }));
  });

  test.each(['fields', 'content', 'properties'])('Given an output mapping to the reserved variable %s, then deploy is rejected', async (name) => {
    const r = base();
    r.content = r.content.replace('target="score"', `target="${name}"`);
    const problems = await problemsOf([r]);
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'score', message: expect.stringContaining(`'${name}'`) }));
  });

  test('Given broken XML, then deploy is rejected with the line of the break', async () => {
    const r = base();
    r.content = r.content.replace('<bpmn:endEvent id="endLow" />', '<bpmn:endEvent id="endLow">');
    const problems = await problemsOf([r]);
    expect(problems[0].message).toMatch(/broken XML|unsupported or invalid/);
    expect(problems[0].line).toBeGreaterThan(1);
  });

  test('Given a lint error against Camunda 8.8 the engine\'s own checks do not find (an error end event naming no error), then deploy is rejected', async () => {
    const r = base();
    r.content = r.content.replace('<bpmn:endEvent id="endHigh" />', '<bpmn:endEvent id="endHigh"><bpmn:errorEventDefinition id="Err_1" /></bpmn:endEvent>');
    const problems = await problemsOf([r]);
    expect(problems).toEqual([expect.objectContaining({ elementId: 'endHigh', message: expect.stringContaining('(rule camunda-compat/error-reference)') })]);
  });

  test('Given a problem both the engine and Camunda\'s 8.8 checks find (service task without a job type), then it is listed once, in the engine\'s words', async () => {
    const r = base();
    r.content = r.content.replace('<zeebe:taskDefinition type="score-referral" retries="2" />', '');
    const problems = await problemsOf([r]);
    expect(problems.filter((p) => p.elementId === 'score').map((p) => p.message)).toEqual([expect.stringContaining("has no zeebe:taskDefinition type")]);
  });

  test('Given one bad resource among good ones, then nothing is deployed', async () => {
    const bad = fixture('rejected-script-task.bpmn');
    bad.content = bad.content.replace('=1 + 1', '=1 +');
    await problemsOf([fixture('simple-user-task.bpmn'), bad]);
    await expect(h.engine.startInstance('simple-user-task', {})).rejects.toMatchObject({ code: 'PROCESS_NOT_DEPLOYED' });
  });

  test('Given running instances, when a new version is deployed, then they stay on their version and new starts use the latest', async () => {
    await h.engine.deploy([fixture('simple-user-task.bpmn')]);
    const v1 = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'o', due: '2026-05-01T00:00:00Z' });
    const changed = fixture('simple-user-task.bpmn');
    changed.content = changed.content.replace('name="Review referral"', 'name="Review referral (v2)"');
    await h.engine.deploy([changed]);
    const v2 = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'o', due: '2026-05-01T00:00:00Z' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const [t1] = await h.engine.listUserTasks({ instanceKey: v1.instanceKey });
    const [t2] = await h.engine.listUserTasks({ instanceKey: v2.instanceKey });
    expect([t1.name, t2.name]).toEqual(['Review referral', 'Review referral (v2)']);
    const old = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'o', due: '2026-05-01T00:00:00Z' }, { version: 1 });
    expect(old.version).toBe(1);
  });
});
