// The retention API over HTTP on a real database: the schedule edited in versions with reasons, clashes and
// hostile input refused, legal holds placed and lifted (audited), and the dry run listing a referral-order
// case closed more than six years ago as due and a held case as held and kept.
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import { MongoLegalHoldRepository } from '../../../server/src/adapters/mongo/legal-hold.repository';
import { MongoRetentionCaseReader } from '../../../server/src/adapters/mongo/retention-case.reader';
import { MongoRetentionScheduleRepository } from '../../../server/src/adapters/mongo/retention-schedule.repository';
import { createLegalHoldChecker } from '../../../server/src/application/retention/legal-hold-checker';
import type { AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import type { User } from '../../../server/src/domain/users/user';
import { errorMiddleware } from '../../../server/src/http/error.middleware';
import { createRetentionRouter } from '../../../server/src/http/retention.routes';
import { setSessionUser } from '../../../server/src/http/session-user';
import { listen } from '../../support/http-app';
import { openTestDb } from '../../support/test-db';

const defaults = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const clock = { now: () => new Date('2026-12-02T10:00:00Z') };
const users: Record<string, { id: string; roles: string[] }> = {
  officer: { id: 'officer', roles: ['data-officers'] }, dpo: { id: 'dpo', roles: ['dpo'] }, worker: { id: 'worker', roles: ['case-managers'] },
};

const caseDoc = (id: string, over: Record<string, unknown> = {}) => ({
  _id: id, team: 'north', status: 'closed', createdAt: '2017-03-01T09:00:00Z', createdBy: 'x',
  identity: { nameKey: `${id.toLowerCase()}|child`, dateOfBirth: '2002-04-04', displayName: `${id} Child` },
  sections: {
    offending: { values: {}, revision: 1, updatedAt: '2019-05-01T10:00:00Z', updatedBy: 'x', sources: {}, collections: { orders: [{ id: 'o1', values: { type: 'referral-order', madeOn: '2017-04-01' }, sources: {} }] } },
    plans: { values: { closureDate: '2019-06-10', closureReason: 'orderCompleted' }, revision: 1, updatedAt: '2019-06-10T10:00:00Z', updatedBy: 'x', sources: {} },
  },
  ...over,
});

describe('retention routes', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let server: Awaited<ReturnType<typeof listen>>;
  const audited: AuditEventInput[] = [];
  let holds: MongoLegalHoldRepository;
  let cases: MongoRetentionCaseReader;

  beforeAll(async () => {
    db = await openTestDb('retention-routes');
    await db.conn.collection('cases').insertMany([
      caseDoc('RO-OLD'), caseDoc('RO-HELD'), caseDoc('RO-RECENT', { sections: { ...caseDoc('x').sections, plans: { values: { closureDate: '2024-02-01' }, updatedAt: '2024-02-01T10:00:00Z' } } }),
      caseDoc('RO-OPEN', { status: 'open' }),
    ] as never[]);
    holds = new MongoLegalHoldRepository(db.conn);
    cases = new MongoRetentionCaseReader(db.conn);
    const app = express();
    app.use(express.json());
    app.use((req, _res, next) => { const u = users[req.header('x-test-user') ?? '']; if (u) setSessionUser(req, u as unknown as User); next(); });
    app.use('/api/retention', createRetentionRouter({
      schedule: new MongoRetentionScheduleRepository(db.conn, { defaults, now: clock.now }), holds, cases, clock,
      audit: { record: async (e) => { audited.push(e); return e as never; } },
      startReview: async () => { throw new Error('not used here: the system test starts reviews'); },
    }));
    app.use(errorMiddleware);
    server = await listen(app);
  });
  afterAll(async () => { await server.close(); await db.drop(); });

  const call = async (user: string | undefined, p: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${server.url}/api/retention${p}`, {
      method, headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  };

  it('a data officer changes a rule with a reason: a new version, audited; the history lists both', async () => {
    expect((await call('officer', '/schedule')).body.version).toBe(1);
    const put = await call('officer', '/schedule/rules/referral-orders', 'PUT', { basis: 'CASE', years: 7, roundToFinancialYearEnd: true, reason: 'The council counts calendar years' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, change: { ruleId: 'referral-orders', before: { years: 6 }, after: { years: 7 } } });
    const history = await call('dpo', '/schedule/history');
    expect(history.body.items.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([[2, 'The council counts calendar years'], [1, expect.stringContaining('Defaults')]]);
    expect(audited).toContainEqual(expect.objectContaining({ action: 'retention.schedule-changed', recordId: '2', reason: 'The council counts calendar years' }));
    // back to the shipped six years for the dry run below
    expect((await call('officer', '/schedule/rules/referral-orders', 'PUT', { basis: 'CASE', years: 6, roundToFinancialYearEnd: true, reason: 'Back to the 6+ rule' })).body.version).toBe(3);
  });

  it('refuses overlapping rules at save, naming the clash, and hostile input on its fields', async () => {
    const overlap = await call('officer', '/schedule/rules', 'POST', {
      id: 'ro-short', recordClass: 'referral-order', label: 'Short referral orders', source: 'local', basis: 'ACTION', years: 3, roundToFinancialYearEnd: false, reason: 'Trying it out',
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error).toMatchObject({ code: 'RETENTION_RULES_CLASH' });
    expect(overlap.body.error.message).toContain('"Referral orders" (referral-orders) and "Short referral orders" (ro-short) both cover referral orders');
    const hostile = await call('officer', '/schedule/rules/referral-orders', 'PUT', { basis: { $ne: 'x' }, years: { $gt: 0 }, roundToFinancialYearEnd: 'true', reason: ['x'] });
    expect(hostile.status).toBe(422);
    expect(Object.keys(hostile.body.errors).sort()).toEqual(['basis', 'reason', 'roundToFinancialYearEnd', 'years']);
    expect((await call('officer', '/schedule/rules/referral-orders', 'PUT', [1, 2])).status).toBe(422);
    expect((await call('officer', '/schedule/rules/no-such-rule', 'PUT', { basis: 'CASE', years: 2, roundToFinancialYearEnd: false, reason: 'Something' })).status).toBe(404);
    expect((await call('worker', '/schedule/rules/referral-orders', 'PUT', { basis: 'CASE', years: 2, roundToFinancialYearEnd: false, reason: 'Something' })).status).toBe(403);
    expect((await call('dpo', '/dry-run')).status).toBe(403);
    expect((await call(undefined, '/schedule')).status).toBe(401);
    expect((await call('officer', '/schedule')).body.version).toBe(3);
  });

  it('legal holds are placed and lifted with reasons, audited; the checker sees case and person holds', async () => {
    expect((await call('worker', '/holds', 'POST', { scope: 'case', caseId: 'RO-HELD', reason: 'Civil claim' })).status).toBe(403);
    expect((await call('dpo', '/holds', 'POST', { scope: 'case', caseId: 'NOPE', reason: 'Civil claim' })).status).toBe(404);
    const placed = await call('dpo', '/holds', 'POST', { scope: 'case', caseId: 'RO-HELD', reason: 'Civil claim by the family' });
    expect(placed.status).toBe(201);
    const person = await call('officer', '/holds', 'POST', { scope: 'person', caseId: 'RO-RECENT', reason: 'Police investigation', until: '2027-06-30' });
    expect(person.body).toMatchObject({ scope: 'person', person: { nameKey: 'ro-recent|child', dateOfBirth: '2002-04-04' }, until: '2027-06-30' });
    expect(audited).toContainEqual(expect.objectContaining({ action: 'retention.hold-placed', recordId: 'RO-HELD', actor: expect.objectContaining({ id: 'dpo' }), reason: 'Civil claim by the family' }));

    const checker = createLegalHoldChecker({ holds, cases, clock });
    expect(await checker.holdsOnCase('RO-HELD')).toEqual([{ id: placed.body.id, scope: 'case', reason: 'Civil claim by the family' }]);
    expect((await checker.holdsOnCase('RO-RECENT')).map((h) => h.scope)).toEqual(['person']);
    expect(await checker.holdsOnCase('RO-OLD')).toEqual([]);

    expect((await call('dpo', `/holds/${person.body.id}/lift`, 'POST', { reason: 'Investigation closed' })).status).toBe(200);
    expect((await call('dpo', `/holds/${person.body.id}/lift`, 'POST', { reason: 'Investigation closed' })).status).toBe(409);
    expect(audited).toContainEqual(expect.objectContaining({ action: 'retention.hold-lifted', recordId: 'RO-RECENT', reason: 'Investigation closed' }));
    expect(await checker.holdsOnCase('RO-RECENT')).toEqual([]);
    const list = await call('officer', '/holds');
    expect(list.body.items).toHaveLength(2);
  });

  it('the dry run lists the referral order closed in 2019 as due and the held case as held; recent and open cases are not listed', async () => {
    const run = await call('officer', '/dry-run');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ today: '2026-12-02', scheduleVersion: 3, checked: 4 });
    expect(run.body.due.map((i: { caseId: string }) => i.caseId)).toEqual(['RO-OLD']);
    expect(run.body.due[0]).toMatchObject({ ruleId: 'referral-orders', anchorOn: '2019-06-10', dueOn: '2026-03-31' });
    expect(run.body.held).toEqual([expect.objectContaining({ caseId: 'RO-HELD', holds: [expect.objectContaining({ scope: 'case', reason: 'Civil claim by the family' })] })]);
  });
});
