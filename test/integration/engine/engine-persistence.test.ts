// The engine's cheap writes on the embedded database: group-committed inserts and updates still tell each
// caller whether its own row was new or matched, a job of a handled type runs without a job row while its
// outbox keeps it durable, and a waiting instance's applied outbox is recorded by a done-marker rather than
// rewritten.
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { engineCollections } from '../../../server/src/adapters/engine-embedded/store/engine-collections';
import { insertOnce } from '../../../server/src/adapters/engine-embedded/store/insert-once';
import { UpdateBatcher } from '../../../server/src/adapters/engine-embedded/store/update-batcher';
import { systemClock } from '../../../server/src/ports/clock.port';
import { openTestDb } from '../../support/test-db';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="persist-flow" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="persist-work" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="review" />
    <bpmn:userTask id="review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" /><bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('Engine persistence on the embedded database', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('persist'); });
  afterAll(() => db.drop());

  test('Given concurrent inserts batched together, then each caller learns whether its own row was new', async () => {
    const { tasks, inserts } = engineCollections(db.conn);
    await insertOnce(inserts.tasks, 'existing', { state: 'open' });
    const ids = ['existing', 'a', 'b', 'a', 'c', 'existing'];
    const results = await Promise.all(ids.map((id, i) => insertOnce(inserts.tasks, id, { state: 'open', n: i })));
    expect(results).toEqual([false, true, true, false, true, false]);
    expect((await tasks.find({ _id: { $in: ['a', 'b', 'c'] } }).lean()).map((t) => t.n).sort()).toEqual([1, 2, 4]);
  });

  test('Given concurrent updates batched together, then each caller learns whether its own row matched, a bad one fails only its caller, and two of one row apply in order', async () => {
    const { incidents } = engineCollections(db.conn);
    await incidents.insertMany([{ _id: 'u1', n: 0 }, { _id: 'u2', n: 0 }, { _id: 'u3', n: 0 }]);
    const updater = new UpdateBatcher(incidents);
    const results = await Promise.allSettled([
      updater.update('u1', { n: 1 }),
      updater.update('missing', { n: 1 }),
      updater.update('u2', { _id: 'renamed' }), // _id is immutable: a write error for this update alone
      updater.update('u1', { n: 2 }),
      updater.update('u3', { n: 3, state: 'resolved' }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([true, false, 'rejected', true, true]);
    const rows = await incidents.find({ _id: { $in: ['u1', 'u2', 'u3', 'missing', 'renamed'] } }).sort({ _id: 1 }).lean<Record<string, unknown>[]>();
    expect(rows).toEqual([{ _id: 'u1', n: 2 }, { _id: 'u2', n: 0 }, { _id: 'u3', n: 3, state: 'resolved' }]);
  });

  test('Given a started engine with a handler, when an instance runs a job and waits on a task, then no job row is left and the wait is marked done', async () => {
    const engine = createEmbeddedEngine({ conn: db.conn, clock: systemClock, pollIntervalMs: 50 });
    const seen: string[] = [];
    engine.registerJobHandler('persist-work', async (job) => { seen.push(job.key); return { kind: 'complete', variables: { worked: true } }; });
    await engine.deploy([{ name: 'persist-flow.bpmn', content: XML }]);
    await engine.start();
    const { instanceKey } = await engine.startInstance('persist-flow', {});
    let open: Awaited<ReturnType<typeof engine.listUserTasks>> = [];
    for (let i = 0; i < 200 && !open.length; i++) {
      await new Promise((r) => setTimeout(r, 25));
      open = await engine.listUserTasks({ instanceKey, state: 'open' });
    }
    await engine.stop();
    expect(open).toHaveLength(1);
    expect(seen).toHaveLength(1);
    const c = engineCollections(db.conn);
    expect(await c.jobs.countDocuments({ instanceKey })).toBe(0);
    const inst = await c.instances.findById(instanceKey).lean<Record<string, any>>();
    expect(inst!.state.vars.worked).toBe(true);
    // Still pending in the document, but marked done: a restart does not replay it.
    expect(inst!.pending).toBe(true);
    expect(await c.outboxDone.countDocuments({ _id: `${instanceKey}#${inst!.rev}` })).toBe(1);
    const again = createEmbeddedEngine({ conn: db.conn, clock: systemClock });
    let created = 0;
    again.onEvent((e) => { if (e.type === 'user-task.created') created++; });
    await again.start();
    await again.completeUserTask(open[0].key, {}, { by: 'tester' });
    await again.stop();
    expect(created).toBe(0);
    const done = await c.instances.findById(instanceKey).lean<Record<string, any>>();
    expect(done).toMatchObject({ status: 'completed', pending: false });
  });
});
