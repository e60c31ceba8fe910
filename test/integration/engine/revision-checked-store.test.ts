// The revision-checked instance store (TOPOLOGY=shared) against the real test database: racing saves of one
// revision have exactly one winner, a committed claim whose document write never happened is rolled forward
// on the next load, and two engines on one database never overwrite each other's steps from a stale cache.
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { engineCollections } from '../../../server/src/adapters/engine-embedded/store/engine-collections';
import type { InstanceDoc } from '../../../server/src/adapters/engine-embedded/store/engine-documents';
import { StaleInstanceError } from '../../../server/src/adapters/engine-embedded/store/instance-store';
import { RevisionCheckedInstanceStore, revisionId } from '../../../server/src/adapters/engine-embedded/store/revision-checked-instance-store';
import { newState } from '../../../server/src/adapters/engine-embedded/runtime/instance-state';
import { systemClock } from '../../../server/src/ports/clock.port';
import { openTestDb } from '../../support/test-db';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="two-steps" isExecutable="true">
    <bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
    <bpmn:userTask id="first"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
    <bpmn:userTask id="second"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" /><bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

const RACERS = 8;
const ROUNDS = 4;

function instance(key: string): InstanceDoc {
  return { _id: key, processId: 'p', version: 1, rev: 1, state: newState({}), effects: [], pending: false, status: 'active', startedAt: new Date().toISOString() };
}

describe('Revision-checked instance store', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('revs'); });
  afterAll(() => db.drop());

  test(`Given ${RACERS} saves of the same revision at once, ${ROUNDS} rounds, then each round exactly one is stored and the others are refused as stale`, async () => {
    const c = engineCollections(db.conn);
    // As the product would: the store asks the database whether its conditional updates are atomic.
    const stores = Array.from({ length: RACERS }, () => new RevisionCheckedInstanceStore(c));
    expect(await stores[0].create(instance('race'))).toBe(true);
    for (let rev = 1; rev <= ROUNDS; rev++) {
      const outcomes = await Promise.allSettled(stores.map((s, i) => {
        const state = newState({ writer: i, round: rev });
        return s.save('race', rev, { rev: rev + 1, state, pending: true, effects: [] });
      }));
      const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' && o.value ? [i] : []));
      const refused = outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof StaleInstanceError);
      expect(won).toHaveLength(1);
      expect(refused).toHaveLength(RACERS - 1);
      const stored = await stores[0].load('race');
      expect(stored).toMatchObject({ rev: rev + 1, state: { vars: { writer: won[0], round: rev } } });
    }
    // No claim outlives its save.
    expect(await c.instanceRevisions.countDocuments({ instanceKey: 'race' })).toBe(0);
    if (process.env.TEST_DB_KIND === 'ferretdb') {
      const info = await db.conn.db!.admin().command({ buildInfo: 1 });
      expect(info).toHaveProperty('ferretdbVersion'); // so the saves above went through claims
    }
  });

  test('Given a claimed revision whose document write never happened (a crash), then the next load rolls it forward and a save based on the old revision is refused', async () => {
    const c = engineCollections(db.conn);
    const store = new RevisionCheckedInstanceStore(c, { atomicConditionalUpdates: false });
    await store.create(instance('crashed'));
    await store.save('crashed', 1, { rev: 2, state: newState({ step: 2 }), pending: false, effects: [] });
    // The writer of revision 3 inserted its claim, then died before writing the document.
    await c.instanceRevisions.create({ _id: revisionId('crashed', 3), instanceKey: 'crashed', rev: 3, set: { rev: 3, state: newState({ step: 3 }), pending: true, effects: [] }, at: new Date() });
    expect(await store.unwritten()).toEqual(['crashed']);
    await expect(store.save('crashed', 2, { rev: 3, state: newState({ step: 'other' }), pending: false, effects: [] })).rejects.toBeInstanceOf(StaleInstanceError);
    const loaded = await store.load('crashed');
    expect(loaded).toMatchObject({ rev: 3, pending: true, state: { vars: { step: 3 } } });
    expect(await c.instanceRevisions.countDocuments({ instanceKey: 'crashed' })).toBe(0);
    expect(await store.unwritten()).toEqual([]);
    // A late writer based on revision 1 may claim the forgotten number 2 again: the document refuses it.
    await expect(store.save('crashed', 1, { rev: 2, state: newState({ step: 'late' }), pending: false, effects: [] })).rejects.toBeInstanceOf(StaleInstanceError);
    expect(await store.load('crashed')).toMatchObject({ rev: 3, state: { vars: { step: 3 } } });
    expect(await c.instanceRevisions.countDocuments({ instanceKey: 'crashed' })).toBe(0);
  });

  test('Given two engines on one database, when one steps an instance the other holds in its cache, then the stale copy is refused, reloaded, and nothing either did is lost', async () => {
    const a = createEmbeddedEngine({ conn: db.conn, clock: systemClock, revisionChecked: true });
    const b = createEmbeddedEngine({ conn: db.conn, clock: systemClock, revisionChecked: true });
    // Each task announced; a step whose outbox both engines find pending may be announced by both (events are
    // at least once — the queue's upsert is idempotent), so tasks are counted by key, not by event.
    const created = new Set<string>();
    for (const e of [a, b]) e.onEvent((ev) => { if (ev.type === 'user-task.created') created.add(ev.task.key); });
    await a.deploy([{ name: 'two-steps.bpmn', content: XML }]);
    const { instanceKey } = await a.startInstance('two-steps', { from: 'start' }); // A caches it
    await b.setVariables(instanceKey, { fromB: 1 }); // B reads it from the database and steps it
    await a.setVariables(instanceKey, { fromA: 2 }); // A's cached copy is stale: refused, reloaded, retried
    const [first] = await b.listUserTasks({ instanceKey, state: 'open' });
    await b.completeUserTask(first.key, { doneBy: 'b' }, { by: 'b' });
    // A still holds the instance waiting at `first`: completing it there is refused and, reloaded, already done.
    await a.completeUserTask(first.key, { doneBy: 'a' }, { by: 'a' });
    const [second] = await a.listUserTasks({ instanceKey, state: 'open' });
    expect(second).toMatchObject({ elementId: 'second' });
    await a.completeUserTask(second.key, {}, { by: 'a' });
    await a.stop();
    await b.stop();
    const stored = await engineCollections(db.conn).instances.findById(instanceKey).lean<InstanceDoc>();
    expect(stored).toMatchObject({ status: 'completed', pending: false });
    expect(stored!.state.vars).toMatchObject({ from: 'start', fromB: 1, fromA: 2, doneBy: 'b' });
    const tasks = await a.listUserTasks({ instanceKey });
    expect(tasks.map((t) => [t.elementId, t.state, t.completedBy])).toEqual([['first', 'completed', 'b'], ['second', 'completed', 'a']]);
    expect([...created].sort()).toEqual(tasks.map((t) => t.key).sort());
  });

  test('Given a server killed after claiming a step and before writing it, then the next engine start rolls the step forward and applies its outbox', async () => {
    const c = engineCollections(db.conn);
    const a = createEmbeddedEngine({ conn: db.conn, clock: systemClock, revisionChecked: true });
    await a.deploy([{ name: 'two-steps.bpmn', content: XML }]);
    const { instanceKey } = await a.startInstance('two-steps', {});
    await a.stop();
    const before = await c.instances.findById(instanceKey).lean<InstanceDoc>();
    const [first] = await a.listUserTasks({ instanceKey, state: 'open' });
    const b = createEmbeddedEngine({ conn: db.conn, clock: systemClock, revisionChecked: true });
    await b.completeUserTask(first.key, { stepped: true }, { by: 'b' });
    await b.stop();
    // Undo what b's step did after its claim, leaving only the claim: the state of a kill right after it.
    const { _id, ...stepped } = (await c.instances.findById(instanceKey).lean<InstanceDoc>())!;
    await c.instances.replaceOne({ _id }, before!);
    await c.tasks.deleteMany({ instanceKey, elementId: 'second' });
    await c.tasks.updateOne({ _id: first.key }, { $set: { state: 'open' }, $unset: { completedAt: '', completedBy: '' } });
    await c.outboxDone.deleteOne({ _id: revisionId(instanceKey, stepped.rev) }); // revision 1's stays: it was applied
    expect(await c.outboxDone.countDocuments({ _id: revisionId(instanceKey, 1) })).toBe(1);
    await c.instanceRevisions.create({ _id: revisionId(instanceKey, stepped.rev), instanceKey, rev: stepped.rev, set: stepped, at: new Date() });

    const restarted = createEmbeddedEngine({ conn: db.conn, clock: systemClock, revisionChecked: true });
    await restarted.start();
    await restarted.stop();
    const tasks = await restarted.listUserTasks({ instanceKey });
    expect(tasks.map((t) => [t.elementId, t.state])).toEqual([['first', 'completed'], ['second', 'open']]);
    expect(await c.instances.findById(instanceKey).lean<InstanceDoc>()).toMatchObject({ rev: stepped.rev, state: { vars: { stepped: true } } });
    expect(await c.instanceRevisions.countDocuments({ instanceKey })).toBe(0);
  });
});
