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
    ['a signal throw event naming no signal', '<bpmn:signalEventDefinition id="S1" />', "signal event 'Event_to_record' references no signal with a name"],
    ['an escalation throw event naming no escalation', '<bpmn:escalationEventDefinition id="E1" />', "escalation event 'Event_to_record' references no escalation with a code"],
    ['a conditional event', '<bpmn:conditionalEventDefinition id="C1"><bpmn:condition xsi:type="bpmn:tFormalExpression">=late</bpmn:condition></bpmn:conditionalEventDefinition>',
      "conditional events are not supported: Camunda 8.8 does not run them (its Modeler reports them as not allowed); use a gateway condition, a message or a signal instead ('Event_to_record')"],
  ])('Given %s, then deploy names it and why, once (Camunda\'s own 8.8 check says it too: its line is not repeated)', async (_what, definition, message) => {
    const problems = await problemsOf(swapDefinition(definition));
    expect(problems.filter((p) => p.elementId === 'Event_to_record').map((p) => p.message)).toEqual([expect.stringContaining(message)]);
  });

  test('Given an event sub-process with a none start, or a non-interrupting error start, then deploy names it and why', async () => {
    const sub = (start: string) => `<bpmn:subProcess id="Activity_events" triggeredByEvent="true">${start}</bpmn:subProcess>`;
    const none = await problemsOf(MODEL.replace('</bpmn:process>', `${sub('<bpmn:startEvent id="Event_sub_start" />')}</bpmn:process>`));
    expect(none).toContainEqual(expect.objectContaining({ elementId: 'Activity_events', message: expect.stringContaining("event sub-process 'Activity_events' needs exactly one start event with a timer, message, error, signal or escalation") }));
    const error = await problemsOf(MODEL.replace('</bpmn:process>', `${sub('<bpmn:startEvent id="Event_sub_start" isInterrupting="false"><bpmn:errorEventDefinition id="Er1" /></bpmn:startEvent>')}</bpmn:process>`));
    expect(error).toContainEqual(expect.objectContaining({ elementId: 'Event_sub_start', message: expect.stringContaining('must be interrupting') }));
  });

  test('Given an execution listener event Camunda 8.8 does not run, then deploy names where and why', async () => {
    const listeners = '<bpmn:extensionElements><zeebe:executionListeners><zeebe:executionListener eventType="cancel" type="audit" /></zeebe:executionListeners></bpmn:extensionElements>';
    const onTask = await problemsOf(MODEL.replace('<bpmn:task id="Activity_note" name="Note the reply">', `<bpmn:task id="Activity_note" name="Note the reply">${listeners}`));
    expect(onTask).toContainEqual(expect.objectContaining({ elementId: 'Activity_note', message: expect.stringContaining("execution listener event 'cancel' on 'Activity_note' is not supported") }));
  });

  test('Given a link throw event with no catch of its name, then deploy names it', async () => {
    const problems = await problemsOf(MODEL.replace('<bpmn:linkEventDefinition id="LinkEventDefinition_1b8q2" name="record" />', '<bpmn:linkEventDefinition id="LinkEventDefinition_1b8q2" name="other" />'));
    expect(problems).toContainEqual(expect.objectContaining({ elementId: 'Event_to_record', message: expect.stringContaining("needs exactly one link catch event named 'record'") }));
  });
});
