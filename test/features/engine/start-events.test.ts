import { engineHarness, HOUR, type Harness } from './support/engine-harness';

describe('Feature: message and timer start events', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['start-events.bpmn']); });
  afterAll(() => h.close());

  const triageTasks = async () => (await h.engine.listUserTasks()).filter((t) => t.elementId === 'triage');

  test('Given a message start event, then publishing the message starts an instance with its variables', async () => {
    const r = await h.engine.publishMessage('referral-received', 'R-1', { youngPerson: 'J' });
    expect(r.correlated).toBe(true);
    const [task] = await triageTasks();
    const instance = await h.engine.getInstance(task.instanceKey);
    expect(instance?.variables.youngPerson).toBe('J');
    expect(instance?.timeline[1].elementId).toBe('byMessage');
  });

  test('Given a timer start event R2/PT1H, then exactly two instances start as the clock passes, however often the scheduler runs', async () => {
    const before = (await triageTasks()).length;
    for (let i = 0; i < 8; i++) { h.clock.advance(HOUR / 2); await h.engine.runDue(); await h.engine.runDue(); }
    const started = (await triageTasks()).slice(before);
    expect(started).toHaveLength(2);
    const instance = await h.engine.getInstance(started[0].instanceKey);
    expect(instance?.timeline[1].elementId).toBe('byTimer');
  });

  test('When the same file is deployed again, then the version stays; a changed file gets a new version', async () => {
    const { fixture } = await import('./support/engine-harness');
    const same = await h.engine.deploy([fixture('start-events.bpmn')]);
    expect(same[0]).toMatchObject({ processId: 'start-events', version: 1, isNew: false });
    const changed = fixture('start-events.bpmn');
    changed.content = changed.content.replace('name="Triage"', 'name="Triage v2"');
    const v2 = await h.engine.deploy([changed]);
    expect(v2[0]).toMatchObject({ version: 2, isNew: true });
    const { version } = await h.engine.startInstance('start-events', {}, {}).catch(() => ({ version: -1 }));
    expect(version).toBe(-1); // no none start event: refused rather than guessed
  });
});
