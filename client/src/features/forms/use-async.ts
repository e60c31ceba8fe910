import { useEffect, useState } from 'react';

export type AsyncState<T> = { state: 'loading' } | { state: 'error'; message: string; status?: number } | { state: 'ready'; data: T };

/** Loads once per dependency change and ignores answers that arrive after the inputs changed. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): [AsyncState<T>, (data: T) => void] {
  const [s, set] = useState<AsyncState<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    set({ state: 'loading' });
    load().then(
      (data) => live && set({ state: 'ready', data }),
      (e: Error & { status?: number }) => live && set({ state: 'error', message: e.message, status: e.status }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return [s, (data: T) => set({ state: 'ready', data })];
}
