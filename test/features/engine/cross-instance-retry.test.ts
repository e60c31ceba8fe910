// A step's cross-instance effects (start a called child, notify the parent) run after the instance is
// saved. If they fail while the server keeps running (a transient database error, not a crash) and
// another command reaches the same instance before the periodic recovery, the next step replaces the
// outbox: it must carry the unfinished effects with it, or the child would never start.
import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: cross-instance effects that failed live are not lost', () => {
  let h: Harness;
  let failNext: string | undefined;
  beforeAll(async () => {
    h = await engineHarness(['call-parent.bpmn', 'call-child.bpmn']);
    const runner = (h.engine as unknown as { runner: { crossEffects(doc: { effects?: { type: string }[] }): Promise<void> } }).runner;
    const real = runner.crossEffects.bind(runner);
    runner.crossEffects = async (doc) => {
      if (failNext && doc.effects?.some((e) => e.type === failNext)) {
        failNext = undefined;
        throw new Error('connection reset (simulated)');
      }
      return real(doc);
    };
  });
  afterAll(() => h.close());

  const childTask = async (parentKey: string) =>
    (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'call-child' && t.instanceKey.startsWith(parentKey));

  test('Given the child start failed, when the next command reaches the parent, then the child starts once and the parent completes', async () => {
    failNext = 'child.start';
    const started = await h.engine.startInstance('call-parent', { name: 'Sam' }).catch((e: Error) => e);
    expect(started).toBeInstanceOf(Error);
    expect(await h.engine.listUserTasks({ state: 'open' })).toEqual([]); // no child yet

    const [parentKey] = await parentKeys();
    await h.engine.setVariables(parentKey, { note: 'unrelated change' });
    await h.engine.runDue();
    const task = await childTask(parentKey);
    expect(task).toBeDefined();
    expect((await h.engine.listUserTasks()).filter((t) => t.processId === 'call-child')).toHaveLength(1);

    await h.engine.completeUserTask(task!.key, { greeting: 'hello Sam' }, { by: 'u' });
    await h.engine.runDue();
    expect(await h.engine.getInstance(parentKey)).toMatchObject({ state: 'completed', variables: { result: 'hello Sam', note: 'unrelated change' } });
  });

  test('Given the parent notification failed, when the next command reaches the child, then the parent still completes', async () => {
    const { instanceKey: parentKey } = await h.engine.startInstance('call-parent', { name: 'Ali' });
    await h.engine.runDue();
    const task = await childTask(parentKey);
    failNext = 'parent.notify';
    await expect(h.engine.completeUserTask(task!.key, { greeting: 'hi Ali' }, { by: 'u' })).rejects.toThrow('simulated');
    expect((await h.engine.getInstance(parentKey))?.state).toBe('active');
    // The child has ended, so a later command does not apply to it; it still owes the notification.
    await h.engine.setVariables(task!.instanceKey, { late: true }).catch(() => undefined);
    await h.engine.runDue();
    expect(await h.engine.getInstance(parentKey)).toMatchObject({ state: 'completed', variables: { result: 'hi Ali' } });
  });

  test('Given the child start failed and nothing else reaches the parent, then the periodic recovery starts the child once', async () => {
    failNext = 'child.start';
    const before = new Set(await parentKeys());
    await expect(h.engine.startInstance('call-parent', { name: 'Kim' })).rejects.toThrow('simulated');
    const parentKey = (await parentKeys()).find((k) => !before.has(k))!;
    await h.engine.runDue();
    expect(await childTask(parentKey)).toBeUndefined();
    const runner = (h.engine as unknown as { runner: { recoverSuspects(olderThanMs: number): Promise<number> } }).runner;
    expect(await runner.recoverSuspects(60_000)).toBe(0); // not yet: a failure gets time to pass
    expect(await runner.recoverSuspects(0)).toBe(1);
    await h.engine.runDue();
    expect(await childTask(parentKey)).toBeDefined();
    expect(await runner.recoverSuspects(0)).toBe(0); // recovered: no longer a suspect
    expect((await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.instanceKey.startsWith(parentKey))).toHaveLength(1);
  });

  async function parentKeys(): Promise<string[]> {
    const conn = (h.engine as unknown as { opts: { conn: import('mongoose').Connection } }).opts.conn;
    const docs = await conn.collection('engine_instances').find({ processId: 'call-parent' }).toArray();
    return docs.map((d) => String(d._id));
  }
});
