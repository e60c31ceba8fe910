// Benchmark (a): start → service task → end. Prints instances/s with MongoDB persistence (the engine as
// shipped) and for the interpreter alone (no database), on this machine. Not a timed test.
import { compileBpmn } from '../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';
import { applyCommand } from '../../server/src/adapters/engine-embedded/runtime/instance-commands';
import { newState } from '../../server/src/adapters/engine-embedded/runtime/instance-state';
import { TokenMachine } from '../../server/src/adapters/engine-embedded/runtime/token-machine';
import { benchEngine, bpmn, countRoundTrips, pool, rate } from './support/bench-engine';

const N = Number(process.env.BENCH_N ?? 2000);
const XML = bpmn('bench-service', `
  <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="svc" />
  <bpmn:serviceTask id="svc"><bpmn:extensionElements><zeebe:taskDefinition type="bench-noop" /></bpmn:extensionElements></bpmn:serviceTask>
  <bpmn:sequenceFlow id="f2" sourceRef="svc" targetRef="end" /><bpmn:endEvent id="end" />`);

async function inMemory(): Promise<void> {
  const { models } = await compileBpmn('bench.bpmn', XML);
  const model = models[0];
  const t0 = performance.now();
  for (let i = 0; i < N * 10; i++) {
    const state = newState({ i });
    const ctx = { instanceKey: `k${i}`, processId: model.processId, version: 1, model, now: new Date() };
    const m = new TokenMachine(state, ctx);
    applyCommand(m, { kind: 'start', startElementId: 'start' });
    const jobKey = (m.effects.find((e) => e.type === 'job.create') as { job: { key: string } }).job.key;
    applyCommand(new TokenMachine(state, ctx), { kind: 'completeJob', jobKey, vars: { done: true } });
    if (state.status !== 'completed') throw new Error('not completed');
  }
  console.log(`(a) interpreter only, no database: ${rate(N * 10, performance.now() - t0)} instances/s (${N * 10} instances)`);
}

async function persisted(): Promise<void> {
  const { engine, conn, close, kind } = await benchEngine('a');
  const roundTrips = countRoundTrips(conn);
  try {
    await runPersisted(engine, kind);
    console.log(`    database round trips per instance: ${roundTrips(N)}`);
  } finally {
    await close();
  }
}

async function runPersisted(engine: Awaited<ReturnType<typeof benchEngine>>['engine'], kind: string): Promise<void> {
  let completed = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => { resolveAll = r; });
  engine.onEvent((e) => { if (e.type === 'instance.completed' && ++completed === N) resolveAll(); });
  engine.registerJobHandler('bench-noop', async () => ({ kind: 'complete', variables: { ok: true } }));
  await engine.deploy([{ name: 'bench-service.bpmn', content: XML }]);
  await engine.start();
  const t0 = performance.now();
  const progress = setInterval(() => console.log(`  … ${completed} completed`), 5000);
  await pool(N, Number(process.env.BENCH_PARALLEL ?? 4), (i) => engine.startInstance('bench-service', { i }));
  const guard = setInterval(() => undefined, 1000); // keep the loop alive while the engine works
  let limit!: NodeJS.Timeout;
  await Promise.race([all, new Promise((_, reject) => { limit = setTimeout(() => reject(new Error(`only ${completed}/${N} completed`)), 120_000); })]);
  clearTimeout(limit); // else the process idles until it fires
  clearInterval(guard);
  clearInterval(progress);
  const ms = performance.now() - t0;
  console.log(`(a) start → service task → end with persistence (${kind}): ${rate(N, ms)} instances/s (${N} instances in ${(ms / 1000).toFixed(1)} s)`);
}

(async () => {
  await inMemory();
  await persisted();
})().catch((e) => { console.error(e); process.exit(1); });
