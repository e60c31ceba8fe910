import { useEffect, useState } from 'react';

export interface Readiness {
  state: 'checking' | 'ready' | 'not-ready' | 'unreachable';
  databaseKind?: string;
}

/** Polls /readyz so the shell can tell a practitioner when saving would fail. */
export function useReadiness(intervalMs = 15000): Readiness {
  const [readiness, setReadiness] = useState<Readiness>({ state: 'checking' });
  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      try {
        const res = await fetch('/readyz', { headers: { accept: 'application/json' } });
        const body = (await res.json()) as { status: string; database?: { kind?: string } };
        if (!cancelled) setReadiness({ state: body.status === 'ready' ? 'ready' : 'not-ready', databaseKind: body.database?.kind });
      } catch {
        if (!cancelled) setReadiness({ state: 'unreachable' });
      }
    };
    void check();
    const timer = setInterval(check, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return readiness;
}
