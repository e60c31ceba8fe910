// The runner's instance cache: least recently used out past its bound, except instances the pin test
// holds (a job leased in memory will need its instance again as soon as it finishes).
import { InstanceCache } from '../../../server/src/adapters/engine-embedded/services/instance-cache';
import type { InstanceDoc } from '../../../server/src/adapters/engine-embedded/services/effect-applier';

const doc = (key: string) => ({ _id: key, rev: 1 }) as unknown as InstanceDoc;

describe('instance cache', () => {
  it('drops the least recently used instance past its bound', () => {
    const cache = new InstanceCache(2);
    cache.set('a', doc('a'));
    cache.set('b', doc('b'));
    cache.get('a'); // a is now more recent than b
    cache.set('c', doc('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?._id).toBe('a');
    expect(cache.get('c')?._id).toBe('c');
  });

  it('keeps pinned instances past the bound until they are no longer pinned', () => {
    const pinned = new Set(['p1', 'p2', 'p3']);
    const cache = new InstanceCache(2, (k) => pinned.has(k));
    for (const k of ['p1', 'p2', 'p3', 'x', 'y', 'z']) cache.set(k, doc(k));
    expect(['p1', 'p2', 'p3'].map((k) => cache.get(k)?._id)).toEqual(['p1', 'p2', 'p3']);
    expect(cache.get('x')).toBeUndefined();
    pinned.clear();
    for (const k of ['q', 'r', 's', 't', 'u', 'v']) cache.set(k, doc(k));
    expect(['p1', 'p2', 'p3'].map((k) => cache.get(k))).toEqual([undefined, undefined, undefined]);
  });

  it('forgets a deleted instance whether or not it was pinned', () => {
    const cache = new InstanceCache(1, () => true);
    cache.set('a', doc('a'));
    cache.set('b', doc('b')); // a moves to the pinned side
    cache.delete('a');
    cache.delete('b');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });
});
