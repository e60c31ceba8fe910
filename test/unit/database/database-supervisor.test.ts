// The restart policy of the embedded database child, with scripted children: each exit is reported and
// followed by a restart after a doubling back-off; a child that stays up resets the count; the supervisor
// gives up (and the server then exits non-zero) only after `maxRestarts` attempts in a row.
import { superviseDatabase, type ChildLife, type RestartPolicy } from '../../../server/src/adapters/database/database-supervisor';

type Exit = (code: number | null, signal: NodeJS.Signals | null, tail: string) => void;

function scripted(outcomes: Array<'starts' | 'fails'>) {
  const exits: Exit[] = [];
  let pid = 100;
  const start = jest.fn(async (onExit: Exit): Promise<ChildLife> => {
    const outcome = outcomes.shift() ?? 'starts';
    if (outcome === 'fails') throw new Error('ferretdb failed to start: address in use');
    exits.push(onExit);
    return { pid: ++pid, close: async () => undefined };
  });
  return { start, kill: () => exits[exits.length - 1](null, 'SIGKILL', 'killed') };
}

const policy: RestartPolicy = { maxRestarts: 3, firstDelayMs: 100, maxDelayMs: 250, stableMs: 60000 };

describe('database supervisor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('restarts after each exit with a doubling back-off, then gives up after the attempts in a row', async () => {
    const child = scripted(['starts', 'starts', 'fails', 'fails']);
    const log: string[] = [];
    const db = await superviseDatabase({ uri: 'mongodb://x/', kind: 'ferretdb', ping: async () => true }, child.start, policy, {
      onDown: (i) => log.push(`down, attempt ${i.attempt} in ${i.delayMs} ms`),
      onStartFailed: (i) => log.push(`attempt ${i.attempt} failed`),
      onRestarted: (i) => void log.push(`restarted by attempt ${i.attempt} as ${i.pid}`),
      onGiveUp: (m) => log.push(`gave up: ${m}`),
    });
    expect(db.status!()).toEqual({ state: 'up', restarts: 0 });

    child.kill();
    expect(db.status!()).toMatchObject({ state: 'restarting', restarts: 0, since: expect.any(String) });
    await jest.advanceTimersByTimeAsync(100);
    expect(db.status!()).toEqual({ state: 'up', restarts: 1 });
    expect(db.pid).toBe(102);

    child.kill(); // within stableMs: the count goes on
    await jest.advanceTimersByTimeAsync(200); // attempt 2 fails
    await jest.advanceTimersByTimeAsync(250); // attempt 3 fails: none left
    expect(log).toEqual([
      'down, attempt 1 in 100 ms',
      'restarted by attempt 1 as 102',
      'down, attempt 2 in 200 ms',
      'attempt 2 failed',
      'attempt 3 failed',
      'gave up: the embedded database could not be kept running: 3 restarts in a row did not last 60 s',
    ]);
    expect(db.status!()).toMatchObject({ state: 'failed', restarts: 3 });
  });

  it('counts from zero again once a restarted child stayed up', async () => {
    const child = scripted([]);
    const attempts: number[] = [];
    const db = await superviseDatabase({ uri: 'mongodb://x/', kind: 'ferretdb', ping: async () => true }, child.start, { ...policy, maxRestarts: 1 }, {
      onDown: (i) => attempts.push(i.attempt),
      onStartFailed: () => undefined,
      onRestarted: () => undefined,
      onGiveUp: () => attempts.push(-1),
    });
    for (let i = 0; i < 3; i++) {
      child.kill();
      await jest.advanceTimersByTimeAsync(100);
      expect(db.status!().state).toBe('up');
      await jest.advanceTimersByTimeAsync(60000);
    }
    expect(attempts).toEqual([1, 1, 1]);
    await db.close();
  });

  it('with no restarts allowed, an exit gives up at once (the server exits as before)', async () => {
    const child = scripted([]);
    const gaveUp = jest.fn();
    const db = await superviseDatabase({ uri: 'mongodb://x/', kind: 'ferretdb', ping: async () => true }, child.start, { ...policy, maxRestarts: 0 }, {
      onDown: () => undefined, onStartFailed: () => undefined, onRestarted: () => undefined, onGiveUp: gaveUp,
    });
    child.kill();
    expect(gaveUp).toHaveBeenCalledTimes(1);
    expect(db.status!().state).toBe('failed');
    expect(child.start).toHaveBeenCalledTimes(1);
  });
});
