// Child process for the crash test: runs the embedded engine on a stream of starts and completions until
// every logical item has a completed instance. The parent kills it with SIGKILL at random moments.
import fs from 'node:fs';
import path from 'node:path';
import { connectMongo } from '../../../../server/src/adapters/mongo/mongo-connection';
import { createEmbeddedEngine } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import { systemClock } from '../../../../server/src/ports/clock.port';

const [uri, dbName, countArg] = process.argv.slice(2);
const ITEMS = Number(countArg);

async function main(): Promise<void> {
  const conn = await connectMongo(uri, dbName);
  const engine = createEmbeddedEngine({ conn, clock: systemClock, pollIntervalMs: 50, jobLockMs: 300 });
  const calls = conn.collection('crash_job_calls');
  engine.registerJobHandler('crash-work', async (job) => {
    await calls.insertOne({ jobKey: job.key, at: new Date() });
    return { kind: 'complete', variables: { worked: true } };
  });
  await engine.deploy([{ name: 'crash-flow.bpmn', content: fs.readFileSync(path.join(__dirname, 'crash-flow.bpmn'), 'utf8') }]);
  await engine.start();
  process.stdout.write('ready\n');
  const instances = conn.collection('engine_instances');
  for (;;) {
    const existing = new Set((await instances.find({}, { projection: { businessKey: 1 } }).toArray()).map((d) => d.businessKey));
    // Start a few missing items per round so starts interleave with completions and timers.
    const missing = [...Array(ITEMS).keys()].map((i) => `item-${i}`).filter((k) => !existing.has(k)).slice(0, 4);
    for (const businessKey of missing) await engine.startInstance('crash-flow', {}, { businessKey });
    for (const task of await engine.listUserTasks({ state: 'open' })) {
      await engine.completeUserTask(task.key, { reviewed: task.instanceKey }, { by: 'crash-test' });
    }
    const done = await instances.countDocuments({ status: 'completed', pending: false });
    if (done >= ITEMS && !missing.length) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await engine.stop();
  await conn.close();
  process.stdout.write('done\n');
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
