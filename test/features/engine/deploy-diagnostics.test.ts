import fs from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';
import { ProblemList } from '../../../server/src/adapters/engine-embedded/deploy/deploy-problems';

// What a manager reads when a Modeler file is refused: the real cause, once, never a linter's crash.
const MODEL = fs.readFileSync(path.join(__dirname, 'fixtures', 'job-worker-user-task.bpmn'), 'utf8');
const messages = async (xml: string) => (await compileBpmn('m.bpmn', xml)).problems.map((p) => `${p.elementId}: ${p.message}`);

describe('Feature: deploy problems name the real cause, once', () => {
  test('Given a diagram plane whose process is not in the file, then one problem names it and the Camunda checks do not crash', async () => {
    const xml = MODEL.replace('bpmnElement="job-worker-review"', 'bpmnElement="Collaboration_gone"');
    expect(await messages(xml)).toEqual([
      "BPMNPlane_1: the diagram draws 'Collaboration_gone' (BPMNPlane_1), which is not in the model: remove it from the diagram or restore the element",
    ]);
  });

  test('Given a shape and an edge of elements that were deleted, then each is named once', async () => {
    const ghosts = '<bpmndi:BPMNShape id="Ghost_di" bpmnElement="Activity_ghost"><dc:Bounds x="1" y="1" width="1" height="1" /></bpmndi:BPMNShape>'
      + '<bpmndi:BPMNEdge id="GhostFlow_di" bpmnElement="Flow_ghost"><di:waypoint x="1" y="1" /><di:waypoint x="2" y="2" /></bpmndi:BPMNEdge>';
    const xml = MODEL.replace('</bpmndi:BPMNPlane>', `${ghosts}</bpmndi:BPMNPlane>`);
    expect(await messages(xml)).toEqual([
      "Ghost_di: the diagram draws 'Activity_ghost' (Ghost_di), which is not in the model: remove it from the diagram or restore the element",
      "GhostFlow_di: the diagram draws 'Flow_ghost' (GhostFlow_di), which is not in the model: remove it from the diagram or restore the element",
    ]);
  });

  test('Given an element the engine refuses, then its sequence flows do not add lines of their own', async () => {
    const xml = MODEL.replace('<bpmn:userTask id="Activity_review" name="Review the referral">', '<bpmn:complexGateway id="Activity_review" name="Review the referral">')
      .replace('</bpmn:userTask>', '</bpmn:complexGateway>');
    const found = await messages(xml);
    expect(found.filter((m) => m.includes('sequence flow'))).toEqual([]);
    expect(found).toContain("Activity_review: unsupported element bpmn:ComplexGateway 'Activity_review'");
  });

  test('Given a sequence flow to an id that is nowhere, then the one problem names that id', async () => {
    const xml = MODEL.replace('sourceRef="Activity_review" targetRef="Event_0d7s1qz"', 'sourceRef="Activity_review" targetRef="Event_nowhere"');
    expect(await messages(xml)).toEqual(['Flow_1m0w6f3: unsupported or invalid content: unresolved reference <Event_nowhere>']);
  });

  test('Given a task definition left on a user task, then it deploys as Zeebe 8.8 runs it: the task stays a person\'s', async () => {
    const xml = MODEL.replace('<zeebe:formDefinition', '<zeebe:taskDefinition type="test-worker" retries="1" /><zeebe:formDefinition');
    const compiled = await compileBpmn('m.bpmn', xml);
    expect(compiled.problems).toEqual([]);
    expect(compiled.models[0].elements.Activity_review).toEqual(expect.objectContaining({ kind: 'userTask', userTask: expect.anything() }));
    expect(compiled.models[0].elements.Activity_review.job).toBeUndefined();
  });

  test('The same problem added twice is listed once', () => {
    const list = new ProblemList('m.bpmn', MODEL);
    list.add('x is wrong', 'Activity_review');
    list.add('x is wrong', 'Activity_review');
    list.add('x is wrong', 'StartEvent_1');
    expect(list.items.map((p) => p.elementId)).toEqual(['Activity_review', 'StartEvent_1']);
  });
});
