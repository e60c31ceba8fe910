// Feature-test harness for the shipped processes: the real embedded engine on a fresh database, every file in
// processes/ deployed, the real calculate-deadlines and evaluate-warnings jobs over the real timescale
// repository, and a hand-moved clock. Emails are recorded, not sent (the mail adapter has its own tests).
// FEATURE_ENGINE=zeebe runs the same walks on the Zeebe adapter against the Camunda 8.8 contract fake
// (test/contract/zeebe-fake, whose cluster is an embedded engine on the same clock); see docs/zeebe.md.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import { parseTimescaleDefaults } from '../../../../server/src/adapters/files/timescale-defaults.loader';
import { MongoTimescaleRepository } from '../../../../server/src/adapters/mongo/timescale.repository';
import { createWorkingCalendar } from '../../../../server/src/domain/calendar';
import { registerDeadlineJobs } from '../../../../server/src/jobs/register-deadline-jobs';
import { registerCaseJobs } from '../../../../server/src/jobs/register-case-jobs';
import { registerSarJobs } from '../../../../server/src/jobs/sar-snapshot.job';
import { MongoSarSourcesReader } from '../../../../server/src/adapters/mongo/sar-sources.reader';
import { MongoSarSnapshotRepository } from '../../../../server/src/adapters/mongo/sar-snapshot.repository';
import { MongoCaseRepository } from '../../../../server/src/adapters/mongo/case.repository';
import type { Job, UserTaskView, Variables } from '../../../../server/src/ports/workflow-engine.port';
import { openTestDb } from '../../../support/test-db';
import { ZeebeEngine } from '../../../../server/src/adapters/engine-zeebe/zeebe-engine';
import { zeebeOnFake } from '../../../contract/zeebe-fake/zeebe-on-fake';
import type { Connection } from 'mongoose';

const root = path.resolve(__dirname, '../../../..');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export class ManualClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current.getTime());
  set(iso: string): void { this.current = new Date(iso); }
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

export interface ProcessHarness {
  engine: EmbeddedEngine | ZeebeEngine;
  clock: ManualClock;
  timescales: MongoTimescaleRepository;
  /** The real case repository (close-case, case-date-of-birth): create a case here to walk its closure. */
  cases: MongoCaseRepository;
  /** The test database's connection, for adapters a walk wires itself (the retention review's readers). */
  conn: Connection;
  emails: Job[];
  /** Moves the clock to an instant and lets due timers and jobs run. */
  at(iso: string): Promise<void>;
  start(processId: string, variables: Variables): Promise<string>;
  openTasks(instanceKey: string): Promise<string[]>;
  task(instanceKey: string, elementId: string): Promise<UserTaskView>;
  complete(instanceKey: string, elementId: string, variables?: Variables): Promise<void>;
  vars(instanceKey: string): Promise<Variables>;
  state(instanceKey: string): Promise<string | undefined>;
  emailsFor(instanceKey: string): string[];
  close(): Promise<void>;
}

export async function processHarness(startAt = '2026-11-23T09:00:00Z'): Promise<ProcessHarness> {
  const db = await openTestDb('proc');
  const clock = new ManualClock(new Date(startAt));
  const zeebe = process.env.FEATURE_ENGINE === 'zeebe' ? await zeebeEngine(db.conn, clock) : undefined;
  const engine = zeebe?.engine ?? createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000, defaultBackoffMs: 1000 });
  const defaults = parseTimescaleDefaults(readFileSync(path.join(root, 'processes', 'timescales.json'), 'utf8'));
  const timescales = new MongoTimescaleRepository(db.conn, { defaults, now: clock.now });
  const calendar = createWorkingCalendar({ region: 'GB-ENG' });
  const emails: Job[] = [];
  registerDeadlineJobs(engine, { timescales, calendar, clock });
  const cases = new MongoCaseRepository(db.conn);
  await cases.init();
  registerCaseJobs(engine, { engine, cases, now: clock.now });
  // The subject access request's gather and gathered-copy jobs, over the same database (no audit log here).
  registerSarJobs(engine, {
    engine, sources: new MongoSarSourcesReader(db.conn), snapshots: new MongoSarSnapshotRepository(db.conn),
    audit: { record: async (e) => ({ ...e, seq: 0, at: clock.now().toISOString(), prevHash: '', hash: '' }) }, now: clock.now,
  });
  engine.registerJobHandler('send-escalation-email', async (job) => {
    emails.push(job);
    return { kind: 'complete' };
  });
  const resources = readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn'))
    .map((name) => ({ name, content: readFileSync(path.join(root, 'processes', name), 'utf8') }));
  await engine.deploy(resources);
  await engine.start();

  const settle = zeebe?.settle ?? (async () => { await engine.runDue(); await engine.runDue(); });
  const h: ProcessHarness = {
    engine, clock, timescales, cases, emails, conn: db.conn,
    async at(iso) { clock.set(iso); await settle(); },
    async start(processId, variables) {
      const { instanceKey } = await engine.startInstance(processId, variables);
      await settle();
      return instanceKey;
    },
    async openTasks(instanceKey) {
      return (await engine.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.elementId).sort();
    },
    async task(instanceKey, elementId) {
      const t = (await engine.listUserTasks({ instanceKey, state: 'open' })).find((x) => x.elementId === elementId);
      if (!t) throw new Error(`no open task ${elementId}; open: ${(await h.openTasks(instanceKey)).join(', ')}`);
      return t;
    },
    async complete(instanceKey, elementId, variables = {}) {
      await engine.completeUserTask((await h.task(instanceKey, elementId)).key, variables, { by: 'tester' });
      await settle();
    },
    async vars(instanceKey) { return (await engine.getInstance(instanceKey))?.variables ?? {}; },
    async state(instanceKey) { return (await engine.getInstance(instanceKey))?.state; },
    emailsFor(instanceKey) {
      return emails.filter((j) => j.instanceKey === instanceKey).map((j) => `${j.headers.level}:${j.headers.timescale}`);
    },
    async close() { await engine.stop(); await zeebe?.close(); await db.drop(); },
  };
  return h;
}

/** The Zeebe adapter on the contract fake, whose cluster runs on the walk's clock; settle runs both sides dry. */
async function zeebeEngine(conn: Connection, clock: ManualClock) {
  const { inner, fake, engine, settle } = await zeebeOnFake(conn, clock, { defaultBackoffMs: 1000 });
  const close = async () => {
    if (fake.violations.length) throw new Error(`protocol violations:\n${fake.violations.join('\n')}`);
    await fake.close();
    await inner.stop();
  };
  return { engine, settle, close };
}
