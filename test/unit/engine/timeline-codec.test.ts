// The stored timeline: appended entries read back exactly, the cap keeps the newest, and an instance saved
// with the old array form reads as before and is converted by its next entry.
import { appendTimeline, readTimeline } from '../../../server/src/adapters/engine-embedded/runtime/timeline-codec';
import { MAX_TIMELINE } from '../../../server/src/adapters/engine-embedded/runtime/instance-state';
import type { TimelineEntry } from '../../../server/src/ports/workflow-engine.port';

const entry = (i: number, event: TimelineEntry['event'] = 'activated'): TimelineEntry =>
  ({ at: new Date(Date.UTC(2026, 10, 25, 9, 0, 0, i)).toISOString(), elementId: `el_${i}`, elementType: 'userTask', event });

describe('timeline codec', () => {
  it('reads back every field of what was appended, in order', () => {
    const entries = [entry(1), entry(2, 'completed'), entry(3, 'terminated'), entry(4, 'taken')];
    const stored = entries.reduce<string>((t, e) => appendTimeline(t, e), '');
    expect(typeof stored).toBe('string');
    expect(readTimeline(stored)).toEqual(entries);
    expect(readTimeline('')).toEqual([]);
    expect(readTimeline(undefined)).toEqual([]);
  });

  it(`keeps the newest ${MAX_TIMELINE} entries`, () => {
    let stored = '';
    for (let i = 0; i < MAX_TIMELINE + 25; i++) stored = appendTimeline(stored, entry(i));
    const read = readTimeline(stored);
    expect(read).toHaveLength(MAX_TIMELINE);
    expect(read[0].elementId).toBe('el_25');
    expect(read[MAX_TIMELINE - 1].elementId).toBe(`el_${MAX_TIMELINE + 24}`);
  });

  it('reads an array saved before the codec and converts it on the next append', () => {
    const legacy = [entry(1), entry(2, 'completed')];
    expect(readTimeline(legacy)).toEqual(legacy);
    const next = appendTimeline(legacy, entry(3));
    expect(typeof next).toBe('string');
    expect(readTimeline(next)).toEqual([...legacy, entry(3)]);
  });
});
