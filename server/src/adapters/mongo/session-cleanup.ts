// Removes expired sessions on a schedule, with acknowledged deletes. connect-mongo's own
// `autoRemove: 'interval'` deletes with w: 0, which FerretDB 1.24 answers anyway — the reply then
// shifts every later reply on that connection to the wrong request (see acknowledged-writes.ts); and
// FerretDB has no TTL indexes for `autoRemove: 'native'`. So the store runs with `autoRemove: 'disabled'`
// and this removes what connect-mongo would have: sessions whose `expires` has passed.
import type { Connection } from 'mongoose';

export interface SessionCleanup {
  /** One pass; resolves with the number of sessions removed (tests and the schedule call it). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export interface SessionCleanupOptions {
  everyMs: number;
  onError?: (error: unknown) => void;
  onRemoved?: (count: number) => void;
}

export function startSessionCleanup(conn: Connection, collectionName: string, options: SessionCleanupOptions): SessionCleanup {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  // `expires` is connect-mongo's wall-clock expiry (Date), so the wall clock decides here too.
  const runOnce = async () => {
    const r = await conn.collection(collectionName).deleteMany({ expires: { $lt: new Date() } }, { writeConcern: { w: 1 } });
    return r.deletedCount;
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(runOnce).then(
      (n) => { if (n) options.onRemoved?.(n); },
      (e) => options.onError?.(e),
    );
  }, options.everyMs);
  timer.unref(); // never the reason the process stays up
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
