// Database failures of the last few seconds, for /readyz. A ping alone said "ready" for 14 minutes while every
// sign-in failed (FerretDB answering the wrong request on the app's connections; the ping used a fresh one),
// so readiness also counts what the app itself met: the driver's heartbeat failures and pool clears (network
// errors, a dead child), and the errors that reached the app's error path (HTTP 5xx, failed background jobs).
// Failed commands are not watched: their events need command monitoring, which would parse every reply a
// second time on the hot path.
import type { MongoClient } from 'mongodb';

export interface RecentFailures {
  count: number;
  last?: { at: string; message: string };
}

const DUPLICATE_KEY = new Set([11000, 11001]);

const chain = (err: unknown): Array<{ name?: string; message?: string; code?: unknown }> => {
  const out: Array<{ name?: string; message?: string; code?: unknown }> = [];
  for (let e = err as { cause?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 5; e = e.cause as typeof e, i++) out.push(e as never);
  return out;
};

/** A driver or mongoose error other than the duplicate keys that repositories expect and turn into answers. */
export function isDatabaseFailure(err: unknown): boolean {
  return chain(err).some((e) => /^Mongo/.test(e.name ?? '') && !DUPLICATE_KEY.has(Number(e.code)));
}

export class DatabaseFailureLog {
  private readonly times: number[] = [];
  private last?: { at: number; message: string };

  constructor(readonly windowMs: number, private readonly now: () => number = Date.now) {}

  record(message: string): void {
    const at = this.now();
    this.times.push(at);
    if (this.times.length > 1000) this.times.splice(0, this.times.length - 1000);
    this.last = { at, message: message.slice(0, 300) };
  }

  /** Forgets what came before (the embedded database was restarted: those failures were its outage). */
  reset(): void {
    this.times.length = 0;
    this.last = undefined;
  }

  /** Records the error when it is a database failure; says whether it was. */
  observe(err: unknown): boolean {
    if (!isDatabaseFailure(err)) return false;
    const e = chain(err).find((x) => /^Mongo/.test(x.name ?? ''))!;
    this.record(`${e.name}: ${e.message ?? ''}`);
    return true;
  }

  recent(): RecentFailures {
    const since = this.now() - this.windowMs;
    while (this.times.length && this.times[0] < since) this.times.shift();
    if (!this.times.length || !this.last) return { count: 0 };
    return { count: this.times.length, last: { at: new Date(this.last.at).toISOString(), message: this.last.message } };
  }

  /** Listens to the driver's monitoring events of the app's own client; returns the unsubscribe. */
  watch(client: MongoClient): () => void {
    const heartbeat = (e: { failure?: Error }) => this.record(`heartbeat failed: ${e.failure?.message ?? 'unknown'}`);
    const cleared = () => this.record('connection pool cleared after a network error');
    client.on('serverHeartbeatFailed', heartbeat);
    client.on('connectionPoolCleared', cleared);
    return () => {
      client.off('serverHeartbeatFailed', heartbeat);
      client.off('connectionPoolCleared', cleared);
    };
  }
}
