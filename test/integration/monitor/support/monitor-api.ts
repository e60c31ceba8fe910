// The monitor routers and the tasks router mounted in the real app over a fresh test database: the real
// embedded engine, every form in forms/ (they say which case section a variable belongs to), the real
// permission table, users picked by an x-test-user header, and an audit sink the test can read.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import { MongoCaseRepository } from '../../../../server/src/adapters/mongo/case.repository';
import { MongoFormRepository } from '../../../../server/src/adapters/mongo/form.repository';
import { MongoSubmissionRepository } from '../../../../server/src/adapters/mongo/form-submission.repository';
import { MongoSavedFilterRepository } from '../../../../server/src/adapters/mongo/saved-filter.repository';
import { MongoTaskRepository } from '../../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../../server/src/adapters/mongo/task-queue-index';
import type { Actor } from '../../../../server/src/application/cases/case-access';
import { tableAccessPolicy } from '../../../../server/src/application/cases/table-access-policy';
import { variableSectionsFromForms } from '../../../../server/src/application/monitor/variable-sections';
import { deployFormFiles } from '../../../../server/src/application/deploy-form-files';
import { projectEngineEvent } from '../../../../server/src/application/tasks/project-engine-event';
import type { AuditEvent, AuditEventInput } from '../../../../server/src/domain/audit/audit-event';
import { createApp } from '../../../../server/src/http/app';
import { createMonitorRouters } from '../../../../server/src/http/instances.routes';
import { createTasksRouter } from '../../../../server/src/http/tasks.routes';
import type { JobOutcome } from '../../../../server/src/ports/workflow-engine.port';
import { listen, silentLogger } from '../../../support/http-app';
import { FixedClock, PEOPLE, type Person } from '../../../support/tasks-cases-api';
import { openTestDb } from '../../../support/test-db';
import { resource, V1, V2, V3 } from './monitor-bpmn';

const root = path.resolve(__dirname, '../../../..');

export interface MonitorApi {
  call(method: string, url: string, who: Person | undefined, body?: unknown): Promise<{ status: number; body: any }>;
  engine: EmbeddedEngine;
  tasks: MongoTaskRepository;
  cases: MongoCaseRepository;
  audit: AuditEventInput[];
  /** What the `monitor-check` job answers next (a test flips it to make the job fail or pass). */
  checkOutcome: { next: JobOutcome };
  close(): Promise<void>;
}

export async function startMonitorApi(): Promise<MonitorApi> {
  const db = await openTestDb('monitor');
  const clock = new FixedClock();
  const tasks = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() });
  const cases = new MongoCaseRepository(db.conn);
  const forms = new MongoFormRepository(db.conn);
  const submissions = new MongoSubmissionRepository(db.conn);
  const savedFilters = new MongoSavedFilterRepository(db.conn);
  await Promise.all([tasks.init(), cases.init(), savedFilters.init()]);
  const formFiles = readdirSync(path.join(root, 'forms')).filter((f) => f.endsWith('.form'))
    .map((name) => ({ name, text: readFileSync(path.join(root, 'forms', name), 'utf8') }));
  await deployFormFiles({ forms, clock }, formFiles);

  const engine = createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000, defaultBackoffMs: 0 });
  const checkOutcome = { next: { kind: 'complete' } as JobOutcome };
  engine.registerJobHandler('monitor-check', async () => checkOutcome.next);
  engine.registerJobHandler('monitor-auto', async () => ({ kind: 'complete' }));
  engine.onEvent((e) => projectEngineEvent({ tasks, engine, now: clock.now }, e));
  for (const steps of [V1, V2, V3]) await engine.deploy([resource(steps)]);
  await engine.start();

  const audit: AuditEventInput[] = [];
  const sink = { record: async (e: AuditEventInput) => { audit.push(e); return e as AuditEvent; } };
  const currentActor = (req: { header(n: string): string | undefined }): Actor | undefined => PEOPLE[req.header('x-test-user') as Person];
  const monitor = createMonitorRouters({
    engine, policy: tableAccessPolicy, audit: sink, currentActor, variableSections: variableSectionsFromForms(forms),
    cases,
  });
  const app = createApp({
    logger: silentLogger,
    bodyLimit: '100kb',
    health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
    apiRouters: {
      ...monitor,
      '/tasks': createTasksRouter({
        tasks, cases, forms, submissions, savedFilters, engine, policy: tableAccessPolicy, clock, audit: sink, currentActor,
        users: { findById: async (id: string) => Object.values(PEOPLE).find((p) => p.id === id) },
      }),
    },
  });
  const server = await listen(app);
  return {
    engine, tasks, cases, audit, checkOutcome,
    async call(method, url, who, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who) headers['x-test-user'] = who;
      const res = await fetch(`${server.url}/api${url}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      await engine.stop();
      await db.drop();
    },
  };
}
