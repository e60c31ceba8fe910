// The engine's in-memory due index: earliest first, one entry per timer, moved and removed exactly.
import { TimerDueIndex } from '../../../server/src/adapters/engine-embedded/services/timer-due-index';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));

describe('timer due index', () => {
  it('answers the timers due by a time, earliest first, up to a limit', () => {
    const index = new TimerDueIndex();
    index.load([{ _id: 'c', dueAt: at(30) }, { _id: 'a', dueAt: at(10) }, { _id: 'b', dueAt: at(10) }, { _id: 'd', dueAt: at(50).toISOString() }]);
    expect(index.loaded).toBe(true);
    expect(index.due(at(5), 10)).toEqual([]);
    expect(index.due(at(10), 10)).toEqual(['a', 'b']);
    expect(index.due(at(40), 10)).toEqual(['a', 'b', 'c']);
    expect(index.due(at(60), 2)).toEqual(['a', 'b']);
  });

  it('moves a re-armed timer and forgets a removed one', () => {
    const index = new TimerDueIndex();
    index.put('a', at(10));
    index.put('b', at(20));
    index.put('a', at(30)); // re-armed later
    expect(index.size).toBe(2);
    expect(index.due(at(25), 10)).toEqual(['b']);
    index.remove('b');
    index.remove('unknown');
    expect(index.due(at(60), 10)).toEqual(['a']);
    index.remove('a');
    expect(index.due(at(60), 10)).toEqual([]);
    expect(index.size).toBe(0);
  });
});
