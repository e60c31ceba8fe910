// Benchmark (c): resident memory per instance waiting on a user task. Instances live in MongoDB, not in
// memory, so the figure is the engine process growth divided by the number of waiting instances; the stored
// state size per instance is printed too. Run with `npx tsx --expose-gc` for steadier numbers.
import { benchEngine, bpmn, pool } from './support/bench-engine';

const N = Number(process.env.BENCH_WAITING ?? 10_000);
const XML = bpmn('bench-waiting', `
  <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
  <bpmn:userTask id="wait" name="Waiting"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="yot" /></bpmn:extensionElements></bpmn:userTask>
  <bpmn:boundaryEvent id="late" attachedToRef="wait" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P90D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end" /><bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="lateEnd" />
  <bpmn:endEvent id="end" /><bpmn:endEvent id="lateEnd" />`);

const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => { gc?.(); gc?.(); return process.memoryUsage(); };

(async () => {
  const { engine, close, kind } = await benchEngine('c');
  try {
    await engine.deploy([{ name: 'bench-waiting.bpmn', content: XML }]);
    await engine.start();
    await engine.startInstance('bench-waiting', { warmUp: true });
    const before = memory();
    const t0 = performance.now();
    const keys: string[] = [];
    await pool(N, 16, async (i) => { keys[i] = (await engine.startInstance('bench-waiting', { caseId: `C-${i}`, youngPerson: { name: `P${i}`, dob: '2010-01-01' } })).instanceKey; });
    const after = memory();
    const open = (await engine.listUserTasks({ state: 'open' })).length;
    const sample = await engine.getInstance(keys[0]);
    const perKb = (a: number, b: number) => ((b - a) / N / 1024).toFixed(2);
    console.log(`(c) ${N} instances waiting on a user task (${kind}; ${open} open tasks; started in ${((performance.now() - t0) / 1000).toFixed(0)} s; gc ${gc ? 'on' : 'off'}):`);
    console.log(`    RSS growth ${perKb(before.rss, after.rss)} KB per waiting instance; heap growth ${perKb(before.heapUsed, after.heapUsed)} KB per waiting instance`);
    console.log(`    stored state per instance (JSON): ${(JSON.stringify(sample).length / 1024).toFixed(1)} KB`);
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
