import { useEffect, useState } from 'react';

export interface Readiness {
  state: 'checking' | 'ready' | 'not-ready' | 'unreachable';
  databaseKind?: string;
  /** Why the server says it is not ready (/readyz `reason`). */
  reason?: string;
}

/**
 * Polls /readyz so the shell can tell a practitioner when saving would fail. /readyz answers 503 while the
 * database is restarting or has failed in the last seconds; while not ready, it is asked again sooner, so
 * the warning goes as soon as the service is back.
 */
export function useReadiness(intervalMs = 15000, notReadyIntervalMs = 3000): Readiness {
  const [readiness, setReadiness] = useState<Readiness>({ state: 'checking' });
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      let next: Readiness;
      try {
        const res = await fetch('/readyz', { headers: { accept: 'application/json' }, cache: 'no-store' });
        const body = (await res.json()) as { status: string; reason?: string; database?: { kind?: string } };
        next = { state: res.ok && body.status === 'ready' ? 'ready' : 'not-ready', databaseKind: body.database?.kind, reason: body.reason };
      } catch {
        next = { state: 'unreachable' };
      }
      if (cancelled) return;
      setReadiness(next);
      timer = setTimeout(check, next.state === 'ready' ? intervalMs : notReadyIntervalMs);
    };
    void check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [intervalMs, notReadyIntervalMs]);
  return readiness;
}
