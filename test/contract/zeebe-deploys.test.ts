// Zeebe deploys on the contract fake: what a restart sends (nothing when the shipped files are unchanged, a
// changed file once, never a shipped file over a manager's newer version), the deploy checks both engines
// share, reads that do not search the cluster per version, and task views let go at reconciliation.
// Each "server" is a ZeebeEngine of its own on the same cluster and the same database (restarts).
import fs from 'node:fs';
import path from 'node:path';
import { createEmbeddedEngine } from '../../server/src/adapters/engine-embedded/embedded-engine';
import { createZeebeApi } from '../../server/src/adapters/engine-zeebe/zeebe-client';
import { ZeebeEngine } from '../../server/src/adapters/engine-zeebe/zeebe-engine';
import { MongoZeebeDeployRecords } from '../../server/src/adapters/mongo/zeebe-deploy-record.repository';
import { deployProcessFiles } from '../../server/src/application/processes/deploy-process-files';
import { CASE_SECTIONS } from '../../server/src/domain/policies';
import { checkFormDefinition } from '../../server/src/forms-core';
import { zeebeDeployHooks } from '../../server/src/main/modules/zeebe-engine.module';
import type { DeployProblem, DeployResource, WorkflowEngine } from '../../server/src/ports/workflow-engine.port';
import { openTestDb } from '../support/test-db';
import { zeebeOnFake } from './zeebe-fake/zeebe-on-fake';

const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8') });
const form = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, '..', '..', 'forms', name), 'utf8') });
const SHIPPED = [fixture('contract-tasks.bpmn'), fixture('contract-timer.bpmn'), form('plan-review-start.form')];
const hooks = {
  embeddedForms: { check: (schema: Record<string, unknown>) => checkFormDefinition(schema, { sections: CASE_SECTIONS }).map((p) => p.message), store: async () => undefined },
  knownUser: async (id: string) => id === 'amira',
  // The roles in force, as the permission version would say (the fixtures' groups).
  knownGroup: (group: string) => ['case-managers', 'managers', 'yot-east', 'yot-west'].includes(group),
};

let db: Awaited<ReturnType<typeof openTestDb>>;
let cluster: Awaited<ReturnType<typeof zeebeOnFake>>;
let now = new Date('2026-03-02T09:00:00Z').getTime();
const clock = { now: () => new Date(now) };
const servers: ZeebeEngine[] = [];
/** A server started on the cluster and the database (its deploy records are the database's). */
async function server(): Promise<ZeebeEngine> {
  const api = await createZeebeApi({ restAddress: cluster.fake.url, auth: { strategy: 'NONE' }, validation: 'req:strict,res:fanatical' });
  const engine = new ZeebeEngine({ api, clock, records: new MongoZeebeDeployRecords(db.conn), deployHooks: zeebeDeployHooks(hooks), pollIntervalMs: 5, reconcileIntervalMs: 3_600_000 });
  servers.push(engine);
  return engine;
}
const deploys = () => cluster.fake.calls.get('createDeployment') ?? 0;

beforeAll(async () => {
  db = await openTestDb('zeebe-deploys');
  cluster = await zeebeOnFake(db.conn, clock);
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await cluster.fake.close();
  await cluster.inner.stop();
  await db.drop();
});

describe('deploys at start', () => {
  test('the first start deploys the shipped files; a restart with the files unchanged deploys nothing', async () => {
    const first = await deployProcessFiles(await server(), SHIPPED);
    expect(first.deployed.map((d) => [d.processId, d.version, d.isNew])).toEqual([['contract-tasks', 1, true], ['contract-timer', 1, true]]);
    expect(deploys()).toBe(1);
    const restart = await deployProcessFiles(await server(), SHIPPED);
    expect(restart).toEqual({ deployed: [], skipped: ['contract-tasks.bpmn', 'contract-timer.bpmn'] });
    expect(deploys()).toBe(1);
  });

  test('a manager’s newer version stays the latest after a restart, with who deployed it and why', async () => {
    const manager = await server();
    const edited = { name: 'contract-tasks.bpmn', content: fixture('contract-tasks.bpmn').content.replace('name="Review the referral"', 'name="Review the referral now"') };
    const [v2] = await manager.deploy([edited], { by: 'tom.manager', comment: 'Clearer task name' });
    expect(v2).toMatchObject({ processId: 'contract-tasks', version: 2, isNew: true });
    const restarted = await server();
    expect((await deployProcessFiles(restarted, SHIPPED)).deployed).toEqual([]);
    const versions = await restarted.listDeployments('contract-tasks');
    expect(versions.map((v) => [v.version, v.by, v.comment])).toEqual([[2, 'tom.manager', 'Clearer task name'], [1, 'system', 'deployed at start']]);
    expect(versions[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await restarted.startInstance('contract-tasks', { caseId: 'case-latest' })).version).toBe(2);
  });

  test('a shipped file changed since the last start deploys once', async () => {
    const changed = SHIPPED.map((r) => (r.name === 'contract-timer.bpmn' ? { ...r, content: r.content.replace('name="Escalate"', 'name="Escalate to a manager"') } : r));
    const before = deploys();
    const next = await deployProcessFiles(await server(), changed);
    expect(next.deployed.map((d) => [d.processId, d.version, d.isNew])).toEqual([['contract-timer', 2, true]]);
    expect((await deployProcessFiles(await server(), changed)).deployed).toEqual([]);
    expect(deploys()).toBe(before + 1);
  });

  test('a DMN file deployed with its process is left out of a restart too', async () => {
    const engineFixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, '..', 'features', 'engine', 'fixtures', name), 'utf8') });
    const files = [engineFixture('decide-supervision.bpmn'), engineFixture('supervision-level.dmn')];
    const before = deploys();
    expect((await deployProcessFiles(await server(), files)).deployed.map((d) => d.processId)).toEqual(['decide-supervision']);
    expect((await deployProcessFiles(await server(), files)).deployed).toEqual([]);
    expect(deploys()).toBe(before + 1);
  });

  test('a changed shipped BPMN file does not send the shipped forms again over a manager’s newer form', async () => {
    const shipped = form('plan-review-start.form');
    const edited = { name: shipped.name, content: JSON.stringify({ ...JSON.parse(shipped.content), components: [...JSON.parse(shipped.content).components, { type: 'text', id: 'Note_1', text: 'Read the plan first.' }] }) };
    await (await server()).deploy([edited], { by: 'tom.manager', comment: 'A note for reviewers' });
    const managers = cluster.fake.forms.get('plan-review-start');
    expect(managers?.content).toBe(edited.content);
    const changed = SHIPPED.map((r) => (r.name === 'contract-timer.bpmn' ? { ...r, content: r.content.replace('name="Escalate"', 'name="Escalate to the team manager"') } : r));
    expect((await deployProcessFiles(await server(), changed)).deployed.map((d) => d.processId)).toEqual(['contract-timer']);
    expect(cluster.fake.forms.get('plan-review-start')).toEqual(managers);
  });

  test('reading the versions again does not search the cluster again, let alone once per version', async () => {
    const engine = await server();
    await engine.listDeployments();
    const searches = () => ['searchProcessDefinitions', 'searchProcessInstances'].map((op) => cluster.fake.calls.get(op) ?? 0);
    const before = searches();
    const xmlReads = () => cluster.fake.calls.get('getProcessDefinitionXml') ?? 0;
    const xmlBefore = xmlReads();
    await engine.listDeployments();
    await engine.listDeployments('contract-tasks');
    expect(await engine.getDeploymentResource('contract-tasks', 1)).toContain('yjs-task-sync');
    await engine.getDeploymentResource('contract-tasks', 1);
    expect(searches()).toEqual(before);
    expect(xmlReads()).toBe(xmlBefore + 1); // a deployed version never changes: read once
  });
});

describe('one deploy check for both engines', () => {
  const unknownAssignee = { name: 'contract-tasks.bpmn', content: fixture('contract-tasks.bpmn').content.replace('<zeebe:assignmentDefinition candidateGroups="case-managers" />', '<zeebe:assignmentDefinition assignee="nobody" candidateGroups="case-managers" />') };
  const badForm = { name: 'bad-form.form', content: JSON.stringify({ id: 'bad-form', components: [{ id: 'F1', type: 'signature', key: 's', label: 'Sign' }] }) };
  const brokenFeel = { name: 'contract-timer.bpmn', content: fixture('contract-timer.bpmn').content.replace('candidateGroups="managers"', 'candidateGroups="=managers(("') };
  const unknownGroup = { name: 'contract-tasks.bpmn', content: fixture('contract-tasks.bpmn').content.replace('candidateGroups="case-managers"', 'candidateGroups="case-managers, wizards"') };
  const refusals = (engine: WorkflowEngine, r: DeployResource) => engine.deploy([r]).then(() => [] as DeployProblem[], (e: { problems: DeployProblem[] }) => e.problems);

  test.each([['an unknown static assignee', unknownAssignee], ['a form with a component form-js does not have', badForm], ['FEEL that does not parse', brokenFeel], ['a candidate group that is no role', unknownGroup]])(
    '%s is refused by both engines with the same problems, and nothing reaches the cluster', async (_what, resource) => {
      const embedded = createEmbeddedEngine({ conn: db.conn, clock, deployHooks: hooks });
      const zeebe = await server();
      const before = deploys();
      const expected = await refusals(embedded, resource);
      expect(expected.length).toBeGreaterThan(0);
      expect(await refusals(zeebe, resource)).toEqual(expected);
      expect(await zeebe.checkDeployment([resource])).toEqual(expected);
      expect(await embedded.checkDeployment([resource])).toEqual(expected);
      expect(deploys()).toBe(before);
    },
  );

  test('a candidate group that is no role in force is named with its element', async () => {
    const problems = await createEmbeddedEngine({ conn: db.conn, clock, deployHooks: hooks }).checkDeployment([unknownGroup]);
    expect(problems.map((p) => [p.elementId, p.message])).toEqual([
      [expect.any(String), expect.stringMatching(/^user task '\w+' names candidate group 'wizards', which is no role in force/)],
    ]);
  });

  test('a job-worker user task, which the embedded engine runs, is refused on Zeebe: its task would never reach the queue', async () => {
    const jobWorker = { name: 'job-worker-user-task.bpmn', content: fs.readFileSync(path.join(__dirname, '..', 'features', 'engine', 'fixtures', 'job-worker-user-task.bpmn'), 'utf8') };
    expect(await createEmbeddedEngine({ conn: db.conn, clock, deployHooks: hooks }).checkDeployment([jobWorker])).toEqual([]);
    expect((await (await server()).checkDeployment([jobWorker])).map((p) => p.message)).toEqual([expect.stringMatching(/^user task 'Activity_review' is a job-worker user task .* never reach the task queue/)]);
  });
});

test('reconciliation lets go of the views of tasks another server closed, once they are over a minute old', async () => {
  const a = await server();
  const b = await server();
  await deployProcessFiles(a, SHIPPED);
  await a.start(); // server A's worker runs the creating listeners
  const { instanceKey } = await a.startInstance('contract-tasks', { caseId: 'case-views' });
  for (let i = 0; i < 200 && !(await a.listUserTasks({ instanceKey, state: 'open' })).length; i++) { await cluster.inner.runDue(); await a.worker.idle(); }
  const held = a.taskViewsHeld; // this task's view, and those of tasks still open from the tests above
  expect(held).toBeGreaterThan(0);
  await a.stop();
  await b.start(); // server B's worker runs its completing listener: A never hears of it
  const [task] = await b.listUserTasks({ instanceKey, state: 'open' });
  await b.completeUserTask(task.key, { decision: 'accept' }, { by: 'sam' });
  for (let i = 0; i < 200 && (await b.getUserTask(task.key))?.state !== 'completed'; i++) { await cluster.inner.runDue(); await b.worker.idle(); }
  expect((await b.getUserTask(task.key))?.state).toBe('completed');
  expect(a.taskViewsHeld).toBe(held);
  await a.reconcile();
  expect(a.taskViewsHeld).toBe(held); // seen under a minute ago: the search may not show a new task yet
  now += 2 * 60_000;
  await a.reconcile();
  expect(a.taskViewsHeld).toBe(held - 1); // the tasks still open keep theirs
});

test('nothing sent broke the 8.8 protocol', () => {
  expect(cluster.fake.violations).toEqual([]);
});
