// Feature-test harness: a real embedded engine on a fresh database with a clock the test moves by hand.
import fs from 'node:fs';
import path from 'node:path';
import { createEmbeddedEngine, type EmbeddedEngine, type EmbeddedEngineOptions } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import type { EngineEvent, JobOutcome, Job } from '../../../../server/src/ports/workflow-engine.port';
import { openTestDb } from '../../../support/test-db';

export class ManualClock {
  constructor(private current = new Date('2026-03-02T09:00:00Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advance(ms: number): void { this.current = new Date(this.current.getTime() + ms); }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8') });

export interface Harness {
  engine: EmbeddedEngine;
  clock: ManualClock;
  events: EngineEvent[];
  jobs: Job[];
  close(): Promise<void>;
  /** Registers a handler that records each job it receives. */
  handle(type: string, outcome: (job: Job) => JobOutcome | Promise<JobOutcome>): void;
  openTasks(instanceKey: string): Promise<string[]>;
  taskKey(instanceKey: string, elementId: string): Promise<string>;
}

/** `options`: engine options a feature needs (deploy hooks), over the harness's own. */
export async function engineHarness(fixtures: string[], options: Partial<EmbeddedEngineOptions> = {}): Promise<Harness> {
  const db = await openTestDb('engine');
  const clock = new ManualClock();
  const engine = createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000, defaultBackoffMs: 1000, ...options });
  const events: EngineEvent[] = [];
  const jobs: Job[] = [];
  engine.onEvent((e) => { events.push(e); });
  await engine.deploy(fixtures.map(fixture));
  await engine.start();
  return {
    engine, clock, events, jobs,
    async close() { await engine.stop(); await db.drop(); },
    handle(type, outcome) {
      engine.registerJobHandler(type, async (job) => { jobs.push(job); return outcome(job); });
    },
    async openTasks(instanceKey) {
      return (await engine.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.elementId).sort();
    },
    async taskKey(instanceKey, elementId) {
      const task = (await engine.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
      if (!task) throw new Error(`no open task '${elementId}' in ${instanceKey}`);
      return task.key;
    },
  };
}
