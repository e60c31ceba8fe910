// Shared set-up for engine benchmarks: a database (MONGODB_URI, or one started like the product does),
// a fresh database name, and the embedded engine on it.
import type { Connection } from 'mongoose';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { systemClock } from '../../../server/src/ports/clock.port';
import { benchDatabase } from './bench-database';

export async function benchEngine(name: string): Promise<{ engine: EmbeddedEngine; conn: Connection; close(): Promise<void>; kind: string }> {
  const db = await benchDatabase(name);
  const engine = createEmbeddedEngine({ conn: db.conn, clock: systemClock, pollIntervalMs: 1000, jobConcurrency: Number(process.env.BENCH_PARALLEL ?? 4) });
  return {
    engine,
    conn: db.conn,
    kind: db.kind,
    async close() {
      await engine.stop();
      await db.close();
    },
  };
}

/** Runs `task` for 0..n-1 with at most `parallel` in flight. */
export async function pool(n: number, parallel: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) await task(next++);
  }));
}

export const bpmn = (processId: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

export const rate = (count: number, ms: number) => (count / (ms / 1000)).toFixed(1);

/** Counts database round trips by collection and operation (mongoose's debug hook sees every call). */
export function countRoundTrips(conn: Connection): (per: number) => string {
  const ops = new Map<string, number>();
  conn.set('debug', (collection: string, method: string) => { const k = `${collection}.${method}`; ops.set(k, (ops.get(k) ?? 0) + 1); });
  return (per) => {
    const total = [...ops.values()].reduce((a, b) => a + b, 0);
    const detail = [...ops.entries()].filter(([, n]) => n / per >= 0.05).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${(n / per).toFixed(2)}`).join(', ');
    return `${(total / per).toFixed(2)} (${detail})`;
  };
}
