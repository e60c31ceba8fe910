// The engine polls for due timers every second. On FerretDB a query by state and due date decodes every
// timer row (≈ 450 ms at 10,000), so after start the engine answers "anything due?" from its in-memory
// index and reads only due timers, by _id alone. The timers still fire once each, also after a restart.
import type { Connection } from 'mongoose';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { fixture, ManualClock, MINUTE } from '../../features/engine/support/engine-harness';
import { filterKeys, monitoredConnection } from '../../support/monitored-connection';

describe('timer polling', () => {
  let conn: Connection;
  const timerReads: string[] = [];
  const clock = new ManualClock();
  const engineOn = async (): Promise<EmbeddedEngine> => {
    const engine = createEmbeddedEngine({ conn, clock, pollIntervalMs: 3_600_000 });
    engine.registerJobHandler('send-reminder', async () => ({ kind: 'complete' }));
    await engine.deploy([fixture('timers.bpmn')]);
    await engine.start();
    return engine;
  };

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ conn, close } = await monitoredConnection('timerpoll', (e) => {
      if (e.commandName === 'find' && e.command.find === 'engine_timers') timerReads.push(filterKeys(e));
    }));
  });
  afterAll(() => close());

  it('polls without a query while nothing is due, reads due timers by _id, and fires each once across a restart', async () => {
    let engine = await engineOn();
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) keys.push((await engine.startInstance('timers', { waitFor: `PT${10 + i}M` })).instanceKey);
    timerReads.length = 0;
    await engine.runDue();
    clock.advance(9 * MINUTE);
    await engine.runDue();
    expect(timerReads).toEqual([]); // nothing due: no query at all
    for (const k of keys) expect((await engine.getInstance(k))?.activeElementIds).toEqual(['wait']);

    clock.advance(5 * MINUTE); // the first five are due
    await engine.runDue();
    expect(timerReads.length).toBeGreaterThanOrEqual(5);
    expect(timerReads.every((f) => f === '_id')).toBe(true);
    const waiting = async () => (await Promise.all(keys.map((k) => engine.getInstance(k)))).filter((i) => i?.activeElementIds.includes('wait')).length;
    expect(await waiting()).toBe(15);

    // A restart loads the index from the stored timers (one scan); the rest fire once, on time.
    await engine.stop();
    timerReads.length = 0;
    engine = await engineOn();
    expect(timerReads).toEqual(['state']);
    clock.advance(30 * MINUTE);
    await engine.runDue();
    await engine.runDue();
    expect(await waiting()).toBe(0);
    for (const k of keys) {
      const timeline = (await engine.getInstance(k))!.timeline;
      expect(timeline.filter((t) => t.elementId === 'wait' && t.event === 'completed')).toHaveLength(1);
    }
    await engine.stop();
  });
});
