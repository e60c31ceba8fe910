// The forms feature mounted in the lead's real app (createApp) over a fresh test database, with users
// picked by an x-test-user header and a fixed clock, plus tiny fetch helpers.
import { MongoDraftRepository } from '../../server/src/adapters/mongo/form-draft.repository';
import { MongoFormRepository } from '../../server/src/adapters/mongo/form.repository';
import { MongoSubmissionRepository } from '../../server/src/adapters/mongo/form-submission.repository';
import type { AuditEventInput } from '../../server/src/domain/audit/audit-event';
import { createApp } from '../../server/src/http/app';
import { createFormsRouters } from '../../server/src/http/forms-routers';
import { CASES_NOW } from './form-cases';
import { listen, silentLogger } from './http-app';
import { openTestDb } from './test-db';

export const TEST_USERS = {
  manager: { id: 'manager-1', roles: ['team-managers'] },
  worker: { id: 'worker-1', roles: ['case-managers'] },
  other: { id: 'worker-2', roles: ['case-managers'] },
};
export type TestUser = keyof typeof TEST_USERS;

export interface FormsApi {
  call(method: string, path: string, user: TestUser | undefined, body?: unknown): Promise<{ status: number; body: any }>;
  repos: { forms: MongoFormRepository; submissions: MongoSubmissionRepository; drafts: MongoDraftRepository };
  /** Audit events recorded by the forms use cases, oldest first. */
  audit: AuditEventInput[];
  close(): Promise<void>;
}

export async function startFormsApi(prefix: string): Promise<FormsApi> {
  const db = await openTestDb(prefix);
  const repos = { forms: new MongoFormRepository(db.conn), submissions: new MongoSubmissionRepository(db.conn), drafts: new MongoDraftRepository(db.conn) };
  const audit: AuditEventInput[] = [];
  const app = createApp({
    logger: silentLogger,
    bodyLimit: '200kb',
    health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
    apiRouters: createFormsRouters({
      ...repos,
      audit: { record: async (e) => (audit.push(e), { ...e, seq: audit.length, at: CASES_NOW.toISOString(), prevHash: '', hash: '' }) },
      clock: { now: () => CASES_NOW },
      // Stands in for team scoping: only managers see case "c-secret".
      canSeeCase: async (actor, caseId) => caseId !== 'c-secret' || actor.roles.includes('team-managers'),
      currentUser: (req) => TEST_USERS[req.header('x-test-user') as TestUser],
    }),
  });
  const server = await listen(app);
  return {
    repos,
    audit,
    async call(method, path, user, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (user) headers['x-test-user'] = user;
      const res = await fetch(`${server.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
