// The Zeebe adapter on the contract fake, as the contract suite and the feature walks run it: the SDK at its
// strictest validation talks to the fake, whose cluster is an embedded engine on the caller's database and
// clock. `settle` runs both sides dry (the fake's due work, then the adapter's job polling) until nothing moves.
import type { Connection } from 'mongoose';
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { createZeebeApi } from '../../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../../server/src/adapters/engine-zeebe/zeebe-engine';
import type { Clock } from '../../../server/src/ports/clock.port';
import type { ZeebeDeployRecords } from '../../../server/src/ports/zeebe-deploy-records.port';
import { startZeebeFake } from './zeebe-fake.server';

export async function zeebeOnFake(conn: Connection, clock: Clock, opts: { defaultBackoffMs?: number; records?: ZeebeDeployRecords } = {}) {
  const backoff = opts.defaultBackoffMs === undefined ? {} : { defaultBackoffMs: opts.defaultBackoffMs };
  const inner = createEmbeddedEngine({ conn, clock, pollIntervalMs: 3_600_000, jobConcurrency: 64, listenerWaitMs: 10_000, ...backoff });
  await inner.start();
  const fake = await startZeebeFake(inner);
  const api = await createZeebeApi({ restAddress: fake.url, auth: { strategy: 'NONE' }, validation: 'req:strict,res:fanatical' });
  const engine = new ZeebeEngine({ api, clock, pollIntervalMs: 5, reconcileIntervalMs: 3_600_000, ...backoff, ...(opts.records ? { records: opts.records } : {}) });
  const settle = async () => {
    for (let i = 0; i < 200; i++) {
      await inner.runDue();
      const activated = await engine.worker.pollOnce();
      await engine.worker.idle();
      if (!activated && fake.jobs.waiting === 0) return;
    }
  };
  return { inner, fake, engine, settle };
}
