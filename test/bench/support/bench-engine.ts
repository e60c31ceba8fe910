// Shared set-up for engine benchmarks: a database (MONGODB_URI, or one started like the product does),
// a fresh database name, and the embedded engine on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { resolveDatabase } from '../../../server/src/adapters/database/resolve-database';
import { connectMongo } from '../../../server/src/adapters/mongo/mongo-connection';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { systemClock } from '../../../server/src/ports/clock.port';

export async function benchEngine(name: string): Promise<{ engine: EmbeddedEngine; conn: Connection; close(): Promise<void>; kind: string }> {
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-bench-'));
  const handle = await resolveDatabase({ mongodbUri: process.env.MONGODB_URI || undefined, dataDir, rootDir, ferretdbBin: process.env.FERRETDB_BIN || undefined });
  // Stop the database child too when the benchmark is interrupted, so no server is left behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { void handle.close().finally(() => process.exit(130)); });
  }
  const dbName = `bench_${name}_${Date.now().toString(36)}`;
  const conn = await connectMongo(handle.uri, dbName);
  const engine = createEmbeddedEngine({ conn, clock: systemClock, pollIntervalMs: 1000, jobConcurrency: Number(process.env.BENCH_PARALLEL ?? 4) });
  return {
    engine,
    conn,
    kind: handle.kind,
    async close() {
      await engine.stop();
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
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
