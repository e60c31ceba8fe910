import fs from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';

// Constructs the embedded engine does not run are refused at deploy, naming the element and saying why and
// what to draw instead — never accepted and then stuck at run time.
const MODEL = fs.readFileSync(path.join(__dirname, 'fixtures', 'receive-and-links.bpmn'), 'utf8');
const problemsOf = async (xml: string) => (await compileBpmn('m.bpmn', xml)).problems;
const swapDefinition = (definition: string) => MODEL.replace('<bpmn:linkEventDefinition id="LinkEventDefinition_0t3x1" name="record" />', definition);

describe('Feature: what the engine does not run is refused at deploy with the reason', () => {
  test.each([
    ['a signal throw event', '<bpmn:signalEventDefinition id="S1" />', 'signal events are not supported by the embedded engine: publish a message'],
    ['an escalation throw event', '<bpmn:escalationEventDefinition id="E1" />', 'escalation events are not supported by the embedded engine: use a BPMN error'],
    ['a compensation throw event', '<bpmn:compensateEventDefinition id="C1" />', 'compensation events are not supported'],
  ])('Given %s, then deploy names it and why', async (_what, definition, message) => {
    const problems = await problemsOf(swapDefinition(definition));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Event_to_record', message: expect.stringContaining(message) }));
  });

  test('Given an event sub-process, then deploy names it and says what to draw instead', async () => {
    const sub = '<bpmn:subProcess id="Activity_events" triggeredByEvent="true"><bpmn:startEvent id="Event_sub_start"><bpmn:timerEventDefinition id="T9"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>';
    const problems = await problemsOf(MODEL.replace('</bpmn:process>', `${sub}</bpmn:process>`));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Activity_events', message: expect.stringContaining("event sub-process 'Activity_events' is not supported by the embedded engine: put the work") }));
  });

  test('Given execution listeners on a task or on the process, then deploy names where and why', async () => {
    const listeners = '<bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners></bpmn:extensionElements>';
    const onTask = await problemsOf(MODEL.replace('<bpmn:task id="Activity_note" name="Note the reply">', `<bpmn:task id="Activity_note" name="Note the reply">${listeners}`));
    expect(onTask).toContainEqual(expect.objectContaining({ elementId: 'Activity_note', message: expect.stringContaining("execution listeners on 'Activity_note' (zeebe:ExecutionListeners) are not supported") }));
    const onProcess = await problemsOf(MODEL.replace('<bpmn:process id="receive-and-links" name="School reply" isExecutable="true">', `<bpmn:process id="receive-and-links" name="School reply" isExecutable="true">${listeners}`));
    expect(onProcess).toContainEqual(expect.objectContaining({ elementId: 'receive-and-links', message: expect.stringContaining("execution listeners on process 'receive-and-links' are not supported") }));
  });

  test('Given a link throw event with no catch of its name, then deploy names it', async () => {
    const problems = await problemsOf(MODEL.replace('<bpmn:linkEventDefinition id="LinkEventDefinition_1b8q2" name="record" />', '<bpmn:linkEventDefinition id="LinkEventDefinition_1b8q2" name="other" />'));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Event_to_record', message: expect.stringContaining("needs exactly one link catch event named 'record'") }));
  });
});
