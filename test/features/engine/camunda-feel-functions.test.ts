import { DeploymentRejectedError } from '../../../server/src/ports/workflow-engine.port';
import { DAY, engineHarness, fixture, type Harness } from './support/engine-harness';

// A model as Camunda Modeler writes it, using Camunda's FEEL extensions in a gateway and output mappings:
// it deploys and runs to its end; today() is the engine clock's date; a failed assert() is an incident.
describe("Feature: Camunda 8.8's FEEL functions in a process", () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['camunda-feel-functions.bpmn']); });
  afterAll(() => h.close());

  const run = async (variables: Record<string, unknown>) => {
    const { instanceKey } = await h.engine.startInstance('camunda-feel-functions', variables);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_triage'), {}, { by: 'u' });
    return { instanceKey, instance: await h.engine.getInstance(instanceKey) };
  };

  test("Given no priority variable, the gateway condition's is defined() and get or else() answer (no incident) and it runs to its end", async () => {
    h.clock.advance(DAY);
    const { instance } = await run({ score: 3 });
    expect(instance?.state).toBe('completed');
    expect(instance?.variables).toMatchObject({ tagText: '[]', untagged: true, checkedScore: 3, triagedOn: '2026-03-03' });
  });

  test('Given a high priority and tags, it runs to its end and joins the tags with prefix and suffix', async () => {
    const { instance } = await run({ priority: 8, tags: ['court', 'risk'], score: 0 });
    expect(instance?.state).toBe('completed');
    expect(instance?.variables).toMatchObject({ tagText: '[court, risk]', untagged: false });
  });

  test('Given a negative score, the assert() fails and the task raises an incident with its cause', async () => {
    const { instanceKey } = await h.engine.startInstance('camunda-feel-functions', { score: -1 });
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_triage'), {}, { by: 'u' }).catch(() => undefined);
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident?.message).toMatch(/score must not be negative/);
  });

  test('Given a function Camunda does not have, deploy is refused naming the element, the expression and the function', async () => {
    const bad = fixture('camunda-feel-functions.bpmn');
    bad.content = bad.content.replace('is defined(priority)', 'isDefined(priority)').replace('id="camunda-feel-functions"', 'id="feel-typo"').replace('bpmnElement="camunda-feel-functions"', 'bpmnElement="feel-typo"');
    const refusal = await h.engine.deploy([bad]).then(() => undefined, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(DeploymentRejectedError);
    expect((refusal as DeploymentRejectedError).problems).toContainEqual(expect.objectContaining({
      elementId: 'Flow_urgent',
      message: expect.stringMatching(/Flow_urgent.*'isDefined\(\)' is not a FEEL function of Camunda 8\.8.*isDefined\(priority\)/),
    }));
  });
});
