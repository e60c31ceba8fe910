// Benchmark (b): a referral-like model (user task with a timer boundary, gateway, service task) with MongoDB
// persistence. Prints instances/s and events/s (engine events + element timeline events). Not a timed test.
import { benchEngine, bpmn, countRoundTrips, pool, rate } from './support/bench-engine';

const N = Number(process.env.BENCH_N ?? 500);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 4);
const XML = bpmn('bench-referral', `
  <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="triage" />
  <bpmn:userTask id="triage" name="Triage referral"><bpmn:extensionElements><zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="yot-managers" /><zeebe:taskSchedule dueDate="=dueBy" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:boundaryEvent id="late" attachedToRef="triage"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f2" sourceRef="triage" targetRef="gw" />
  <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="lateEnd" /><bpmn:endEvent id="lateEnd" />
  <bpmn:exclusiveGateway id="gw" default="rejected" />
  <bpmn:sequenceFlow id="accepted" sourceRef="gw" targetRef="record"><bpmn:conditionExpression>=decision = "accept"</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="rejected" sourceRef="gw" targetRef="endRejected" /><bpmn:endEvent id="endRejected" />
  <bpmn:serviceTask id="record"><bpmn:extensionElements><zeebe:taskDefinition type="record-decision" /></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:sequenceFlow id="f4" sourceRef="record" targetRef="end" /><bpmn:endEvent id="end" />`);

(async () => {
  const { engine, conn, close, kind } = await benchEngine('b');
  const roundTrips = countRoundTrips(conn);
  try {
    let engineEvents = 0;
    let completed = 0;
    engine.onEvent((e) => { engineEvents++; if (e.type === 'instance.completed') completed++; });
    engine.registerJobHandler('record-decision', async () => ({ kind: 'complete', variables: { recorded: true } }));
    await engine.deploy([{ name: 'bench-referral.bpmn', content: XML }]);
    await engine.start();
    const t0 = performance.now();
    const keys: string[] = [];
    await pool(N, PARALLEL, async (i) => { keys[i] = (await engine.startInstance('bench-referral', { dueBy: '2026-12-01T00:00:00Z', n: i })).instanceKey; });
    const tasks = await engine.listUserTasks({ state: 'open' });
    await pool(tasks.length, PARALLEL, (i) => engine.completeUserTask(tasks[i].key, { decision: i % 4 === 0 ? 'reject' : 'accept' }, { by: 'bench' }));
    const guard = setInterval(() => undefined, 1000);
    while (completed < N) await new Promise((r) => setTimeout(r, 20));
    clearInterval(guard);
    const ms = performance.now() - t0;
    const trips = roundTrips(N);
    let timelineEvents = 0;
    for (const k of keys) timelineEvents += (await engine.getInstance(k))!.timeline.length;
    console.log(`(b) referral-like model with persistence (${kind}), ${N} instances in ${(ms / 1000).toFixed(1)} s:`);
    console.log(`    ${rate(N, ms)} instances/s; ${rate(engineEvents, ms)} engine events/s (${engineEvents}); ${rate(timelineEvents, ms)} element events/s (${timelineEvents})`);
    console.log(`    database round trips per instance: ${trips}`);
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
