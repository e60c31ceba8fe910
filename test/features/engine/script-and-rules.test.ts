import { DeploymentRejectedError, type DeployProblem } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// Script tasks (zeebe:script) are evaluated by the engine's FEEL; business rule tasks run as jobs, or call a
// DMN decision that must be deployed (business-rule-decisions.test.ts runs those).
describe('Feature: script tasks and business rule tasks', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await engineHarness(['script-and-rules.bpmn']);
    h.handle('decide-level', (job) => ({ kind: 'complete', variables: { level: Number(job.variables.score) >= 10 ? 'enhanced' : 'standard' } }));
  });
  afterAll(() => h.close());

  async function problemsOf(content: string): Promise<DeployProblem[]> {
    return h.engine.deploy([{ name: 'rules.bpmn', content }]).then(() => [], (e: DeploymentRejectedError) => e.problems);
  }

  test('Given the model, then the script sets its result variable and the business rule job decides on it, to the end', async () => {
    const { instanceKey } = await h.engine.startInstance('script-and-rules', { ratings: [3, 4, 2], bonus: 1 });
    await h.engine.runDue();
    expect(h.jobs.find((j) => j.instanceKey === instanceKey)).toMatchObject({ type: 'decide-level', elementId: 'Activity_level', variables: expect.objectContaining({ score: 10 }) });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ score: 10, supervisionLevel: 'enhanced' }) });
    expect(instance?.variables).not.toHaveProperty('level');
  });

  test('Given a script that fails (a missing variable), then an incident is raised at the script task; setting it and resolving goes on', async () => {
    const { instanceKey } = await h.engine.startInstance('script-and-rules', { ratings: [1] });
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'Activity_score', type: 'expression-error' });
    await h.engine.setVariables(instanceKey, { bonus: 0 });
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect(await h.engine.getInstance(instanceKey)).toMatchObject({ state: 'completed', variables: expect.objectContaining({ score: 1, supervisionLevel: 'standard' }) });
  });

  test('Given a business rule task calling a DMN decision that is not deployed, or with both a decision and a job, then deploy is refused naming the task and why', async () => {
    const xml = fixture('script-and-rules.bpmn').content;
    const decision = '<zeebe:calledDecision decisionId="supervision-level" resultVariable="level" />';
    expect(await problemsOf(xml.replace('<zeebe:taskDefinition type="decide-level" />', decision))).toContainEqual(expect.objectContaining({
      elementId: 'Activity_level', message: expect.stringContaining("calls decision 'supervision-level', which is not deployed"),
    }));
    expect(await problemsOf(xml.replace('<zeebe:taskDefinition type="decide-level" />', `<zeebe:taskDefinition type="decide-level" />${decision}`))).toContainEqual(expect.objectContaining({
      elementId: 'Activity_level', message: "business rule task 'Activity_level' needs either a zeebe:calledDecision (a DMN decision) or a zeebe:taskDefinition (a job), not both",
    }));
  });

  test('Given a script that is not FEEL or has bad FEEL, then deploy is refused naming the script task', async () => {
    const xml = fixture('script-and-rules.bpmn').content;
    expect(await problemsOf(xml.replace('expression="=sum(ratings) + bonus"', 'expression="sum(ratings)"')))
      .toContainEqual(expect.objectContaining({ elementId: 'Activity_score', message: expect.stringContaining('must be a FEEL expression') }));
    expect(await problemsOf(xml.replace('expression="=sum(ratings) + bonus"', 'expression="=sum(ratings +"')))
      .toContainEqual(expect.objectContaining({ elementId: 'Activity_score', message: expect.stringContaining('invalid FEEL in script') }));
  });
});
