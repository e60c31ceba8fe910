// Crash test: a child process runs the engine and is killed with SIGKILL at random moments (≥ 20 times),
// then restarted. Afterwards every instance must have run each step exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { readTimeline } from '../../../server/src/adapters/engine-embedded/runtime/timeline-codec';
import { openTestDb, testDbUri } from '../../support/test-db';

const ITEMS = 30;
const KILLS = 22;
const CHILD = path.join(__dirname, 'support', 'crash-child.ts');

function launch(dbName: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, testDbUri(), dbName, String(ITEMS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: path.resolve(__dirname, '..', '..', '..'),
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const ready = new Promise<void>((resolve) => child.stdout!.on('data', (d) => { if (String(d).includes('ready')) resolve(); }));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code) process.stderr.write(stderr);
    resolve(code);
  }));
  return { child, ready, exited };
}

describe('Crash recovery of the embedded engine', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('crash'); });
  afterAll(() => db.drop());

  test(`Given ${KILLS} SIGKILLs at random moments, then each instance's task is created once and completed once and its timer fired once`, async () => {
    let kills = 0;
    while (kills < KILLS) {
      const run = launch(db.dbName);
      const outcome = await Promise.race([run.ready.then(() => 'ready'), run.exited.then(() => 'exited')]);
      if (outcome === 'exited') break; // finished everything before we could kill it (should not happen early)
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 250));
      if (run.child.exitCode === null) {
        run.child.kill('SIGKILL');
        kills++;
      }
      await run.exited;
    }
    const final = launch(db.dbName);
    expect(await final.exited).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(20);

    const instances = await db.conn.collection('engine_instances').find({}).toArray();
    const keys = instances.map((d) => d.businessKey).sort();
    expect(new Set(keys).size).toBe(ITEMS);
    expect(instances).toHaveLength(ITEMS);
    const expected = ['crash-flow:activated', 'start:activated', 'start:completed', 'work:activated', 'work:completed', 'pause:activated',
      'pause:completed', 'review:activated', 'review:completed', 'end:activated', 'end:completed', 'crash-flow:completed'];
    for (const inst of instances) {
      expect(inst.status).toBe('completed');
      expect(inst.pending).toBe(false);
      expect(readTimeline(inst.state.timeline).map((t) => `${t.elementId}:${t.event}`)).toEqual(expected);
      expect(inst.state.vars).toMatchObject({ worked: true, reviewed: inst._id });
    }
    const tasks = await db.conn.collection('engine_tasks').find({}).toArray();
    expect(tasks).toHaveLength(ITEMS);
    expect(tasks.every((t) => t.state === 'completed')).toBe(true);
    expect(new Set(tasks.map((t) => t.instanceKey)).size).toBe(ITEMS);
    // Fired timers and finished jobs are removed; the timelines above show each fired/ran exactly once.
    expect(await db.conn.collection('engine_timers').countDocuments()).toBe(0);
    expect(await db.conn.collection('engine_jobs').countDocuments()).toBe(0);
    const calls = await db.conn.collection('crash_job_calls').countDocuments();
    expect(calls).toBeGreaterThanOrEqual(ITEMS); // at-least-once: a kill mid-handler may repeat a call
  }, 600_000);
});
