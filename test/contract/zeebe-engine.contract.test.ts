// The Zeebe adapter against the WorkflowEngine contract, without a broker: @camunda8/sdk's 8.8 REST client
// (requests validated strictly, responses fanatically: unknown fields fail) talks to a contract fake of the
// Orchestration Cluster REST API that checks every request against the SDK's protocol schemas and answers
// through an embedded engine (test/contract/zeebe-fake, docs/zeebe.md).
import { createZeebeApi } from '../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../server/src/adapters/engine-zeebe/zeebe-engine';
import { zeebeSettingsFrom } from '../../server/src/config/zeebe.config';
import { createZeebeWorkflowEngine, zeebeReadiness } from '../../server/src/main/modules/zeebe-engine.module';
import { openTestDb } from '../support/test-db';
import { describeWorkflowEngineContract } from './workflow-engine.contract';
import type { ZeebeFake } from './zeebe-fake/zeebe-fake.server';
import { zeebeOnFake } from './zeebe-fake/zeebe-on-fake';

let fake: ZeebeFake;
let restAddress = '';
let closeAll: () => Promise<void> = async () => undefined;

describeWorkflowEngineContract('Zeebe adapter (8.8 REST, contract fake)', async () => {
  const db = await openTestDb('zeebe');
  let now = new Date('2026-03-02T09:00:00Z').getTime();
  const clock = { now: () => new Date(now) };
  const started = await zeebeOnFake(db.conn, clock);
  const { inner, engine, settle } = started;
  fake = started.fake;
  restAddress = fake.url;
  closeAll = async () => { await fake.close().catch(() => undefined); await inner.stop(); await db.drop(); };
  return {
    engine,
    async advance(ms) { now += ms; await settle(); },
    settle,
    // The fake outlives the walks: the tests after them use it too (see closeAll).
    close: () => engine.stop(),
  };
});

afterAll(() => closeAll());

test('a second server reconciles with the user-task search: each open task it has not seen is announced once', async () => {
  const api = await createZeebeApi({ restAddress, auth: { strategy: 'NONE' }, validation: 'req:strict,res:fanatical' });
  const other = new ZeebeEngine({ api, clock: { now: () => new Date() } });
  const created: string[] = [];
  other.onEvent((e) => { if (e.type === 'user-task.created') created.push(e.task.elementId); });
  const open = await other.listUserTasks({ state: 'open' });
  expect(open.length).toBeGreaterThan(0);
  expect(await other.reconcile()).toBe(open.length);
  expect(created.sort()).toEqual(open.map((t) => t.elementId).sort());
  expect(await other.reconcile()).toBe(0);
});

test('the adapter sent nothing the 8.8 protocol refuses, and the fake answered nothing off-schema', () => {
  expect(fake.violations).toEqual([]);
  expect(fake.calls.size).toBeGreaterThan(15);
});

test('ENGINE=zeebe wiring: the engine built from the settings starts against the cluster, and readiness follows the cluster', async () => {
  const settings = zeebeSettingsFrom({ ZEEBE_REST_ADDRESS: restAddress });
  if ('problems' in settings) throw new Error(settings.problems.join('; '));
  const engine = await createZeebeWorkflowEngine(settings, { clock: { now: () => new Date() }, logger: { error: () => undefined } });
  await engine.start();
  let t = 0;
  const ready = zeebeReadiness(engine, settings.restAddress, 5_000, () => t);
  expect(await ready()).toBeUndefined();
  await engine.stop();
  await fake.close();
  expect(await ready()).toBeUndefined(); // answered a moment ago: kept
  t += 5_000;
  expect(await ready()).toBe(`The Camunda 8 cluster at ${restAddress} (ZEEBE_REST_ADDRESS) does not answer.`);
});
