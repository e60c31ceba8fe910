// The processes router mounted in the real app over a fresh test database: the real embedded engine with
// every process in processes/ deployed at start (as the server does), the real audit log, and users
// picked by an x-test-user header.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bpmnDiffer } from '../../../../server/src/adapters/bpmn/bpmn-differ';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../../../server/src/adapters/engine-embedded/embedded-engine';
import { MongoAuditRepository } from '../../../../server/src/adapters/mongo/audit.repository';
import type { ProcessActor } from '../../../../server/src/application/processes/process-admin-deps';
import { createApp } from '../../../../server/src/http/app';
import { createProcessesRouter } from '../../../../server/src/http/processes.routes';
import { listen, silentLogger } from '../../../support/http-app';
import { openTestDb } from '../../../support/test-db';

export const root = path.resolve(__dirname, '../../../..');
export const processFile = (name: string) => readFileSync(path.join(root, 'processes', name), 'utf8');

export const PEOPLE: Record<string, ProcessActor> = {
  tm: { id: 'tm-1', username: 'tom.manager', roles: ['team-managers'] },
  admin: { id: 'admin-1', username: 'ada.admin', roles: ['admins'] },
  cm: { id: 'cm-1', username: 'cara.case', roles: ['case-managers'] },
};
export type Person = keyof typeof PEOPLE;

export class FixedClock {
  constructor(public current = new Date('2026-11-24T10:00:00Z')) {}
  now = () => new Date(this.current.getTime());
}

export interface ProcessAdminApi {
  call(method: string, url: string, who: Person | undefined, body?: unknown): Promise<{ status: number; body: any; text: string; headers: Headers }>;
  engine: EmbeddedEngine;
  audit: MongoAuditRepository;
  clock: FixedClock;
  close(): Promise<void>;
}

export async function startProcessAdminApi(prefix: string): Promise<ProcessAdminApi> {
  const db = await openTestDb(prefix);
  const clock = new FixedClock();
  const engine = createEmbeddedEngine({ conn: db.conn, clock, pollIntervalMs: 3_600_000 });
  const files = readdirSync(path.join(root, 'processes')).filter((f) => f.endsWith('.bpmn')).sort();
  await engine.deploy(files.map((name) => ({ name, content: processFile(name) })), { by: 'system', comment: 'deployed at start' });
  const audit = new MongoAuditRepository(db.conn, { clock });
  await audit.init();
  const app = createApp({
    logger: silentLogger,
    bodyLimit: '1mb',
    health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
    apiRouters: {
      '/processes': createProcessesRouter({
        engine, audit, differ: bpmnDiffer,
        currentUser: (req) => PEOPLE[req.header('x-test-user') as Person],
      }),
    },
  });
  const server = await listen(app);
  return {
    engine, audit, clock,
    async call(method, url, who, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who) headers['x-test-user'] = who;
      const res = await fetch(`${server.url}/api${url}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown;
      try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
      return { status: res.status, body: parsed, text, headers: res.headers };
    },
    async close() {
      await server.close();
      await engine.stop();
      await db.drop();
    },
  };
}

/** The referral process with one element's text changed, as a modeller edit would. */
export function editReferral(edit: (xml: string) => string): string {
  const xml = processFile('referral-intake.bpmn');
  const out = edit(xml);
  if (out === xml) throw new Error('the edit changed nothing: the fixture no longer matches processes/referral-intake.bpmn');
  return out;
}

export const lineOfId = (xml: string, id: string) => xml.slice(0, xml.indexOf(`id="${id}"`)).split('\n').length;
