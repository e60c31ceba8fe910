import { DeploymentRejectedError, type DeployProblem, type DeployResource } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// A business rule task calling a DMN decision (zeebe:calledDecision), both drawn in Camunda Modeler: the DMN
// file deploys with the process, the engine evaluates it (a FIRST table requiring a UNIQUE one), and its result
// drives the flow to the end. Expected results worked out by hand from supervision-level.dmn.
describe('Feature: business rule tasks evaluate DMN decisions', () => {
  let h: Harness;
  const dmn = fixture('supervision-level.dmn');
  beforeAll(async () => {
    h = await engineHarness([]);
    await h.engine.deploy([fixture('decide-supervision.bpmn'), dmn], { by: 'manager-1', comment: 'levels by risk band' });
  });
  afterAll(() => h.close());

  const problemsOf = (resources: DeployResource[]): Promise<DeployProblem[]> =>
    h.engine.deploy(resources).then(() => [], (e: DeploymentRejectedError) => e.problems);

  test('Given a high score, then the decision says intensive (12 contacts) and a manager reviews it, to the end', async () => {
    const { instanceKey } = await h.engine.startInstance('decide-supervision', { score: 25, age: 15 });
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_review'), {}, { by: 'manager-1' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ supervisionLevel: 'intensive', contactsPerMonth: 12 }) });
    expect(instance?.variables).not.toHaveProperty('supervision'); // the result variable stays on the task: its outputs are mapped
    expect(instance?.activeElementIds).toEqual([]);
  });

  test('Given a medium score, then the first matching rule decides by age; with no score the UNIQUE band is null and the catch-all rule applies', async () => {
    const cases = [[{ score: 12, age: 13 }, 'enhanced', 5], [{ score: 12, age: 15 }, 'standard', 2], [{ age: 15 }, 'standard', 2]] as const;
    for (const [variables, level, contacts] of cases) {
      const { instanceKey } = await h.engine.startInstance('decide-supervision', { ...variables });
      expect(await h.engine.getInstance(instanceKey)).toMatchObject({ state: 'completed', variables: expect.objectContaining({ supervisionLevel: level, contactsPerMonth: contacts }) });
    }
  });

  test('Given a new version whose UNIQUE rules overlap, then the task raises an incident naming the rules; deploying a fix and resolving goes on', async () => {
    const overlapping = { name: dmn.name, content: dmn.content.replace('<text>[10..20)</text>', '<text>[10..20]</text>') };
    await h.engine.deploy([overlapping]);
    const { instanceKey } = await h.engine.startInstance('decide-supervision', { score: 20, age: 15 });
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'Activity_decide' });
    expect(incident.message).toBe("failed to evaluate decision 'supervision-level' (version 2 of 'Definitions_supervision'): decision 'riskBand': hit policy UNIQUE allows one matching rule, but 2 matched ('DecisionRule_medium', 'DecisionRule_highband')");
    await h.engine.deploy([dmn]); // the first content again: a new version (3), now the latest
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_review']);
    expect((await h.engine.getInstance(instanceKey))?.variables).toMatchObject({ supervisionLevel: 'intensive' });
  });

  test('Given a decision id written as an expression, then the decision it names is called; one that is not deployed raises an incident saying so', async () => {
    const xml = fixture('decide-supervision.bpmn').content.replace(/decide-supervision"/g, 'decide-dynamic"').replace('decisionId="supervision-level"', 'decisionId="=decisionName"');
    await h.engine.deploy([{ name: 'decide-dynamic.bpmn', content: xml }]);
    const named = await h.engine.startInstance('decide-dynamic', { decisionName: 'supervision-level', score: 12, age: 15 });
    expect(await h.engine.getInstance(named.instanceKey)).toMatchObject({ state: 'completed', variables: expect.objectContaining({ supervisionLevel: 'standard' }) });
    const missing = await h.engine.startInstance('decide-dynamic', { decisionName: 'nope' });
    expect(await h.engine.listIncidents({ instanceKey: missing.instanceKey, state: 'open' })).toEqual([expect.objectContaining({
      elementId: 'Activity_decide', message: "business rule task 'Activity_decide' calls decision 'nope', which is not deployed: deploy its DMN file, then resolve the incident",
    })]);
  });

  test('Given a process calling a decision nobody deployed, then deploy is refused naming the task and why', async () => {
    const xml = fixture('decide-supervision.bpmn').content.replace('decisionId="supervision-level"', 'decisionId="no-such-decision"');
    expect(await problemsOf([{ name: 'decide-supervision.bpmn', content: xml }])).toEqual([expect.objectContaining({
      resource: 'decide-supervision.bpmn', elementId: 'Activity_decide', line: 7,
      message: "business rule task 'Activity_decide' calls decision 'no-such-decision', which is not deployed: deploy the DMN file that holds it with this process, or before it",
    })]);
  });

  test('Given a process with a broken DMN file, then nothing is deployed (all or nothing) and the DMN problem names the rule', async () => {
    const bpmn = fixture('decide-supervision.bpmn').content.replace(/decide-supervision"/g, 'decide-supervision-2"').replace('decisionId="supervision-level"', 'decisionId="new-level"');
    const broken = dmn.content.replace(/supervision-level/g, 'new-level').replace('Definitions_supervision', 'Definitions_new').replace(/riskBand/g, 'newBand').replace('<text>&lt; 14</text>', '<text>&lt; </text>');
    const problems = await problemsOf([{ name: 'decide-supervision-2.bpmn', content: bpmn }, { name: 'new-level.dmn', content: broken }]);
    // Only the real cause: the process's call of 'new-level' is not also reported as a call of an undeployed decision.
    expect(problems).toEqual([{ resource: 'new-level.dmn', elementId: 'DecisionRule_young', line: 34, message: "invalid FEEL in input entry 2 of rule 'DecisionRule_young' in decision 'new-level': syntax error at position 2 in '<'" }]);
    await expect(h.engine.startInstance('decide-supervision-2', {})).rejects.toThrow("process 'decide-supervision-2' is not deployed");
  });

  test('Given a decision id already deployed from another DMN file, then deploy is refused', async () => {
    const other = dmn.content.replace('id="Definitions_supervision"', 'id="Definitions_other"');
    expect(await problemsOf([{ name: 'other.dmn', content: other }])).toContainEqual(expect.objectContaining({
      elementId: 'supervision-level', message: expect.stringContaining("decision 'supervision-level' is already deployed in decision requirements 'Definitions_supervision'"),
    }));
  });
});
