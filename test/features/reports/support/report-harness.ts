// The real embedded engine on a fresh database with the report fixture deployed, the real calculate-deadlines
// job over the real timescale store (the shipped defaults), and a hand-moved clock.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import { parseTimescaleDefaults } from '../../../../server/src/adapters/files/timescale-defaults.loader';
import { MongoTimescaleRepository } from '../../../../server/src/adapters/mongo/timescale.repository';
import { createWorkingCalendar } from '../../../../server/src/domain/calendar';
import { registerDeadlineJobs } from '../../../../server/src/jobs/register-deadline-jobs';
import type { UserTaskView, Variables } from '../../../../server/src/ports/workflow-engine.port';
import { openTestDb } from '../../../support/test-db';
import { ManualClock } from '../../processes/support/process-harness';

const root = path.resolve(__dirname, '../../../..');

export interface ReportHarness {
  engine: EmbeddedEngine;
  clock: ManualClock;
  timescales: MongoTimescaleRepository;
  conn: Connection;
  at(iso: string): Promise<void>;
  start(processId: string, variables: Variables): Promise<string>;
  task(instanceKey: string, elementId: string): Promise<UserTaskView>;
  close(): Promise<void>;
}

export async function reportHarness(startAt: string): Promise<ReportHarness> {
  const db = await openTestDb('report');
  const clock = new ManualClock(new Date(startAt));
  const engine = createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000, defaultBackoffMs: 1000 });
  const defaults = parseTimescaleDefaults(readFileSync(path.join(root, 'processes', 'timescales.json'), 'utf8'));
  const timescales = new MongoTimescaleRepository(db.conn, { defaults, now: clock.now });
  registerDeadlineJobs(engine, { timescales, calendar: createWorkingCalendar({ region: 'GB-ENG' }), clock });
  engine.registerJobHandler('send-escalation-email', async () => ({ kind: 'complete' }));
  await engine.deploy([{ name: 'report-timeliness.bpmn', content: readFileSync(path.join(__dirname, '..', 'fixtures', 'report-timeliness.bpmn'), 'utf8') }]);
  await engine.start();
  const settle = async () => { await engine.runDue(); await engine.runDue(); };
  return {
    engine, clock, timescales, conn: db.conn,
    async at(iso) { clock.set(iso); await settle(); },
    async start(processId, variables) {
      const { instanceKey } = await engine.startInstance(processId, variables);
      await settle();
      return instanceKey;
    },
    async task(instanceKey, elementId) {
      const t = (await engine.listUserTasks({ instanceKey, state: 'open' })).find((x) => x.elementId === elementId);
      if (!t) throw new Error(`no open task ${elementId}`);
      return t;
    },
    async close() { await engine.stop(); await db.drop(); },
  };
}
