import { processHarness, type ProcessHarness } from './support/process-harness';

// The publish-message job (a send task) as the shipped processes use it (case closure → victim contact,
// compliance & breach → referral order): a send task reached again in a loop publishes again — a second
// breach of the same order must reach the panel too — while a retried job publishes once.
const defs = (body: string, messages: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">${body}${messages}</bpmn:definitions>`;
const msg = (id: string, name: string) => `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>`;

const SENDER = defs(`<bpmn:process id="test-sender" isExecutable="true">
  <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:exclusiveGateway id="loop"><bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
  <bpmn:sendTask id="send"><bpmn:extensionElements><zeebe:taskDefinition type="publish-message" /><zeebe:taskHeaders><zeebe:header key="messageName" value="ping" /><zeebe:header key="variables" value="round" /></zeebe:taskHeaders></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:sendTask>
  <bpmn:intermediateCatchEvent id="again"><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:messageEventDefinition messageRef="mAgain" /></bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="loop" /><bpmn:sequenceFlow id="f2" sourceRef="loop" targetRef="send" />
  <bpmn:sequenceFlow id="f4" sourceRef="send" targetRef="again" /><bpmn:sequenceFlow id="f3" sourceRef="again" targetRef="loop" />
</bpmn:process>`, msg('mAgain', 'again'));

const LISTENER = defs(`<bpmn:process id="test-listener" isExecutable="true">
  <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateCatchEvent id="first"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:messageEventDefinition messageRef="mPing" /></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="second"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing><bpmn:messageEventDefinition messageRef="mPing" /></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="e"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="first" /><bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" /><bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="e" />
</bpmn:process>`, msg('mPing', 'ping'));

describe('Feature: one process tells another (publish-message)', () => {
  let h: ProcessHarness;
  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    await h.engine.deploy([{ name: 'test-sender.bpmn', content: SENDER }, { name: 'test-listener.bpmn', content: LISTENER }]);
  });
  afterAll(() => h.close());

  test('Given a listener waiting for two messages, a send task reached twice in a loop delivers both', async () => {
    const listener = await h.start('test-listener', { caseId: 'pm-1' });
    const sender = await h.start('test-sender', { caseId: 'pm-1', round: 1 });
    expect((await h.engine.getInstance(listener))?.activeElementIds).toEqual(['second']);
    expect((await h.vars(sender)).sendPublished).toMatchObject({ messageName: 'ping', correlated: true });

    await h.engine.publishMessage('again', 'pm-1', { round: 2 });
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.state(listener)).toBe('completed');
    expect((await h.vars(listener)).round).toBe(2);
  });
});
