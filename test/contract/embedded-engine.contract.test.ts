// The embedded engine against the WorkflowEngine contract, for real: FerretDB, the injected clock.
import { createEmbeddedEngine } from '../../server/src/adapters/engine-embedded/embedded-engine';
import { openTestDb } from '../support/test-db';
import { describeWorkflowEngineContract } from './workflow-engine.contract';

describeWorkflowEngineContract('embedded engine', async () => {
  const db = await openTestDb('contract');
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  const engine = createEmbeddedEngine({ conn: db.conn, clock: { now: () => new Date(now) }, pollIntervalMs: 3_600_000, listenerWaitMs: 2_000 });
  return {
    engine,
    async advance(ms) { now += ms; await engine.runDue(); },
    settle: () => engine.runDue(),
    async close() { await engine.stop(); await db.drop(); },
  };
});
