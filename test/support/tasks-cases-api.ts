// The tasks and cases routers mounted in the real app over a fresh test database, with the security
// module's real permission table, users picked by an x-test-user header, and (optionally) the real
// embedded engine running every process in processes/ with every form in forms/ deployed.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../server/src/adapters/engine-embedded/embedded-engine';
import { parseTimescaleDefaults } from '../../server/src/adapters/files/timescale-defaults.loader';
import { MongoCaseRepository } from '../../server/src/adapters/mongo/case.repository';
import { MongoFormRepository } from '../../server/src/adapters/mongo/form.repository';
import { MongoSubmissionRepository } from '../../server/src/adapters/mongo/form-submission.repository';
import { MongoSavedFilterRepository } from '../../server/src/adapters/mongo/saved-filter.repository';
import { MongoTaskRepository } from '../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../server/src/adapters/mongo/task-queue-index';
import { MongoTimescaleRepository } from '../../server/src/adapters/mongo/timescale.repository';
import type { Actor } from '../../server/src/application/cases/case-access';
import { tableAccessPolicy } from '../../server/src/application/cases/table-access-policy';
import { deployFormFiles } from '../../server/src/application/deploy-form-files';
import { projectEngineEvent } from '../../server/src/application/tasks/project-engine-event';
import { createWorkingCalendar } from '../../server/src/domain/calendar';
import type { AuditEvent, AuditEventInput } from '../../server/src/domain/audit/audit-event';
import type { User } from '../../server/src/domain/users/user';
import { createApp } from '../../server/src/http/app';
import { createCasesRouter } from '../../server/src/http/cases.routes';
import { createContactsRouter, createStartableProcessesRouter } from '../../server/src/http/case-work.routes';
import { readStartDeclaration } from '../../server/src/adapters/bpmn/start-form.reader';
import { createProcessStartForms } from '../../server/src/application/cases/process-start-forms';
import { Router } from 'express';
import { MongoCaseSearchIndex } from '../../server/src/adapters/mongo/case-search.index';
import { MongoRecentCaseRepository } from '../../server/src/adapters/mongo/recent-case.repository';
import { pathwayOptionsFrom } from '../../server/src/application/cases/pathway-options';
import { disposalOptionsFrom } from '../../server/src/application/cases/disposal-options';
import { createFieldCatalogue } from '../../server/src/application/cases/field-catalogue';
import { createCaseSearchRouter } from '../../server/src/http/case-search.routes';
import { createDashboardRouter } from '../../server/src/http/dashboard.routes';
import { createTasksRouter } from '../../server/src/http/tasks.routes';
import { createCalculateDeadlinesJob } from '../../server/src/jobs/calculate-deadlines.job';
import type { WorkflowEngine } from '../../server/src/ports/workflow-engine.port';
import { listen, silentLogger } from './http-app';
import { openTestDb } from './test-db';
import { createConsentModule } from '../../server/src/main/modules/consent.module';
import { createMonitorRouters } from '../../server/src/http/instances.routes';
import { variableSectionsFromForms } from '../../server/src/application/monitor/variable-sections';
import type { CaseGuard } from '../../server/src/application/consent/case-guard';
import type { CaptureConsents } from '../../server/src/application/tasks/capture-completion-consents';

const root = path.resolve(__dirname, '../..');

const user = (id: string, roles: User['roles'], teams: string[]): User => ({
  id, username: id, displayName: id, email: `${id}@example.org`, roles, teams, active: true, createdAt: '2026-01-01T00:00:00Z',
});

export const PEOPLE = {
  cm: user('cm-1', ['case-managers'], ['east']),
  cm2: { ...user('cm-2', ['case-managers'], ['east']), displayName: 'Casey Second' }, // a name unlike the id: task pages show it
  hw: user('hw-1', ['health-workers'], ['east']),
  vw: user('vw-1', ['victim-workers'], ['east']),
  co: user('co-1', ['court-officers'], ['east']),
  pc: user('pc-1', ['panel-coordinators'], ['east']),
  tm: user('tm-1', ['team-managers'], ['east']),
  west: user('cm-west', ['case-managers'], ['west']),
  /** A manager of two teams (issue 18's cases list: a manager sees every team they manage). */
  tm2: { ...user('tm-2', ['team-managers'], ['east', 'west']), displayName: 'Morgan Manager' },
  data: user('do-1', ['data-officers'], ['west']),
  admin: user('admin-1', ['admins'], ['east']),
  dpo: user('dpo-1', ['dpo'], ['east']),
};
export type Person = keyof typeof PEOPLE;

export class FixedClock {
  constructor(public current = new Date('2026-11-24T10:00:00Z')) {}
  now = () => new Date(this.current.getTime());
}

export interface TasksCasesApi {
  call(method: string, url: string, who: Person | undefined, body?: unknown): Promise<{ status: number; body: any; text: string }>;
  repos: { tasks: MongoTaskRepository; cases: MongoCaseRepository; forms: MongoFormRepository; submissions: MongoSubmissionRepository };
  engine?: EmbeddedEngine;
  clock: FixedClock;
  /** Audit events the use cases recorded (the real audit log is the security module's). */
  audit: AuditEventInput[];
  /** The sink the use cases record into (for use cases a test runs itself, e.g. recovery). */
  auditLog: { record(e: AuditEventInput): Promise<AuditEvent> };
  /** The consent module's case guard (with `consent`), for jobs a test registers itself. */
  caseGuard?: CaseGuard;
  /** The consent module's capture of a form's consents (with `consent`), for recovery a test runs itself. */
  captureConsents?: CaptureConsents;
  close(): Promise<void>;
}

/** `files`: deploy these forms and processes instead of forms/ and processes/ (a test's own small process). `monitor`: the monitor routes too. `list`: the cases list and the dashboard. */
export async function startTasksCasesApi(
  prefix: string, opts: { engine?: boolean; consent?: boolean; monitor?: boolean; list?: boolean; files?: { forms: { name: string; content: string }[]; processes: { name: string; content: string }[] } } = {},
): Promise<TasksCasesApi> {
  const db = await openTestDb(prefix);
  const clock = new FixedClock();
  const repos = {
    tasks: new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() }), cases: new MongoCaseRepository(db.conn),
    forms: new MongoFormRepository(db.conn), submissions: new MongoSubmissionRepository(db.conn),
  };
  const savedFilters = new MongoSavedFilterRepository(db.conn);
  await Promise.all([repos.tasks.init(), repos.cases.init(), savedFilters.init()]);

  let engine: EmbeddedEngine | undefined;
  if (opts.engine) {
    engine = createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000 });
    const defaults = parseTimescaleDefaults(readFileSync(path.join(root, 'processes', 'timescales.json'), 'utf8'));
    const timescales = new MongoTimescaleRepository(db.conn, { defaults, now: clock.now });
    engine.registerJobHandler('calculate-deadlines', createCalculateDeadlinesJob({ timescales, calendar: createWorkingCalendar({ region: 'GB-ENG' }), clock }));
    engine.registerJobHandler('send-escalation-email', async () => ({ kind: 'complete' }));
    const live = engine;
    engine.onEvent((e) => projectEngineEvent({
      tasks: repos.tasks, engine: live, now: clock.now, teamOfCase: async (id) => (await repos.cases.findById(id))?.team,
    }, e));
    const dir = (d: string, ext: string) => readdirSync(path.join(root, d)).filter((f) => f.endsWith(ext))
      .map((name) => ({ name, content: readFileSync(path.join(root, d, name), 'utf8') }));
    const forms = opts.files?.forms ?? dir('forms', '.form');
    await deployFormFiles({ forms: repos.forms, clock }, forms.map((f) => ({ name: f.name, text: f.content })));
    await engine.deploy(opts.files?.processes ?? dir('processes', '.bpmn'));
    await engine.start();
  }
  const noEngine = { completeUserTask: async () => undefined, getInstance: async () => undefined, assignUserTask: async () => ({ status: 'applied' }) } as unknown as WorkflowEngine;
  const currentActor = (req: { header(n: string): string | undefined }): Actor | undefined => PEOPLE[req.header('x-test-user') as Person];
  const audit: AuditEventInput[] = [];
  const common = { ...repos, policy: tableAccessPolicy, clock, currentActor, audit: { record: async (e: AuditEventInput) => {
    // As the real log: an event recorded again under its key (a retried step) is stored once.
    const earlier = e.key ? audit.find((a) => a.key === e.key) : undefined;
    if (!earlier) audit.push(e);
    return (earlier ?? e) as AuditEvent;
  } } };
  // Consent and restriction (issue 17): the case guard in every use case, the consent routes beside /cases.
  const consent = opts.consent ? await createConsentModule({ conn: db.conn, engine: engine ?? noEngine, audit: common.audit as never, clock }) : undefined;
  if (consent) Object.assign(common, { caseGuard: consent.caseGuard, consentOf: consent.consentOf, captureConsents: consent.captureConsents });
  const people = { findById: async (id: string) => Object.values(PEOPLE).find((p) => p.id === id) };
  const recentCases = new MongoRecentCaseRepository(db.conn);
  const listDeps = opts.list ? {
    ...common, users: people, recentCases, pathwayOptions: pathwayOptionsFrom(repos.forms),
    disposalOptions: disposalOptionsFrom(createFieldCatalogue({ forms: repos.forms, maxAgeMs: 0 })),
    caseSearch: new MongoCaseSearchIndex(repos.cases.cases as never, repos.cases, { keep: true }),
  } : undefined;
  // Start forms the deployed processes declare (with the engine), as the tasks module wires them.
  const startForms = engine ? createProcessStartForms({ engine, readStart: readStartDeclaration }) : undefined;
  const casesRouter = createCasesRouter({ ...common, engine: engine ?? noEngine, ...(startForms ? { startForms } : {}) });
  const app = createApp({
    logger: silentLogger,
    bodyLimit: '200kb',
    health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
    apiRouters: {
      '/tasks': createTasksRouter({
        ...common, engine: engine ?? noEngine, savedFilters,
        users: { findById: async (id: string) => Object.values(PEOPLE).find((p) => p.id === id) },
      }),
      '/cases': listDeps ? Router().use(createCaseSearchRouter(listDeps), casesRouter) : casesRouter,
      ...(listDeps ? { '/dashboard': createDashboardRouter(listDeps) } : {}),
      '/cases/:caseId/contacts': createContactsRouter({ ...common, engine: engine ?? noEngine, users: people }),
      ...(startForms ? { '/cases/:caseId/startable-processes': createStartableProcessesRouter({ ...common, startForms }) } : {}),
      ...(consent?.routers(repos.cases, currentActor) ?? {}),
      ...(opts.monitor ? createMonitorRouters({
        engine: engine ?? noEngine, policy: tableAccessPolicy, audit: common.audit as never, currentActor,
        variableSections: variableSectionsFromForms(repos.forms), cases: repos.cases, ...(consent ? { caseGuard: consent.caseGuard } : {}),
      }) : {}),
    },
  });
  const server = await listen(app);
  return {
    repos, engine, clock, audit, auditLog: common.audit, ...(consent ? { caseGuard: consent.caseGuard, captureConsents: consent.captureConsents } : {}),
    async call(method, url, who, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who) headers['x-test-user'] = who;
      const res = await fetch(`${server.url}/api${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
    },
    async close() {
      await server.close();
      await engine?.stop();
      await db.drop();
    },
  };
}
