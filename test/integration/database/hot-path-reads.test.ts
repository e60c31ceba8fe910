// What the completion hot path no longer asks the database (every filtered read scans a collection on
// FerretDB), and that the in-process copies still follow every write: users by id, tasks by id from
// the queue index, form versions, the team of a case; and submissions stored by group commit.
import mongoose, { type Connection } from 'mongoose';
import { MongoCaseRepository } from '../../../server/src/adapters/mongo/case.repository';
import { FormCache, MongoFormRepository } from '../../../server/src/adapters/mongo/form.repository';
import { MongoSubmissionRepository } from '../../../server/src/adapters/mongo/form-submission.repository';
import { ConflictError } from '../../../server/src/domain/errors';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import { MongoUserRepository } from '../../../server/src/adapters/mongo/user.repository';
import { UserCache } from '../../../server/src/adapters/mongo/user-cache';
import type { FormVersion } from '../../../server/src/domain/forms/form-version';
import { freshDbName, testDbUri } from '../../support/test-db';

/** A connection that counts the reads (find) it sends per collection, and notes the filters of its writes. */
async function watchedConnection(dbName: string): Promise<{
  conn: Connection; finds: (collection: string) => number; writeFilters: (collection: string) => string[]; findFilters: (collection: string) => string[];
}> {
  const conn = mongoose.createConnection(testDbUri(), { dbName, monitorCommands: true, retryWrites: false });
  await conn.asPromise();
  const counts = new Map<string, number>();
  const filters: [string, string][] = [];
  const reads: [string, string][] = [];
  conn.getClient().on('commandStarted', (e) => {
    const c = e.command;
    if (e.commandName === 'find') counts.set(String(c.find), (counts.get(String(c.find)) ?? 0) + 1);
    if (e.commandName === 'find') reads.push([String(c.find), Object.keys(c.filter ?? {}).join(',')]);
    if (e.commandName === 'findAndModify') filters.push([String(c.findAndModify), Object.keys(c.query ?? {}).join(',')]);
    if (e.commandName === 'update') filters.push([String(c.update), Object.keys(c.updates?.[0]?.q ?? {}).join(',')]);
  });
  return {
    conn, finds: (c) => counts.get(c) ?? 0, writeFilters: (c) => filters.filter(([k]) => k === c).map(([, f]) => f),
    findFilters: (c) => reads.filter(([k]) => k === c).map(([, f]) => f),
  };
}

const form = (version: number, label: string): FormVersion => ({
  formId: 'triage', version, contentHash: `h${version}`, deployedAt: '2026-11-24T09:00:00.000Z', deployedBy: 'system', source: 'file',
  schema: { id: 'triage', type: 'default', components: [{ type: 'textfield', key: 'note', label }] } as FormVersion['schema'],
});

describe('hot-path reads served in process', () => {
  let conn: Connection;
  let finds: (collection: string) => number;
  let writeFilters: (collection: string) => string[];

  beforeAll(async () => {
    ({ conn, finds, writeFilters } = await watchedConnection(freshDbName('hotpath')));
  });
  afterAll(async () => {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  it('reads a user once; a role change or deactivation through any repository sharing the process\'s cache shows at once', async () => {
    const cache = new UserCache(); // the process's one cache, as the security module makes it
    const a = new MongoUserRepository(conn, { cache });
    const b = new MongoUserRepository(conn, { cache });
    await a.init();
    const u = await a.create({ username: 'cara', displayName: 'Cara', email: 'cara@example.org', roles: ['case-managers'], teams: ['north'] });
    expect((await a.findById(u.id))?.roles).toEqual(['case-managers']);
    const before = finds('users');
    expect((await b.findById(u.id))?.roles).toEqual(['case-managers']);
    expect(finds('users')).toBe(before);

    await b.update(u.id, { roles: ['team-managers'] });
    expect((await a.findById(u.id))?.roles).toEqual(['team-managers']);
    await b.update(u.id, { active: false });
    expect((await a.findById(u.id))?.active).toBe(false);
    await a.lock(u.id, new Date('2026-11-24T10:00:00Z'));
    expect((await b.findById(u.id))?.lockedUntil).toBe('2026-11-24T10:00:00.000Z');
  });

  it('a repository built without the cache (several servers) reads the database every time', async () => {
    const shared = new MongoUserRepository(conn);
    const u = await shared.create({ username: 'dev', displayName: 'Dev', email: 'dev@example.org', roles: [], teams: [] });
    const before = finds('users');
    await shared.findById(u.id);
    await shared.findById(u.id);
    expect(finds('users')).toBe(before + 2);
  });

  it('answers a task by id from the queue index through create, claim and completion, and reads the database only for what it does not hold', async () => {
    const tasks = new MongoTaskRepository(conn, { queues: new TaskQueueIndex() });
    await tasks.init();
    const before = finds('tasks');
    await tasks.recordCreated({
      id: 'hp1', instanceKey: 'i1', processId: 'referral-intake', processVersion: 1, elementId: 'triage', name: 'Triage',
      candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, createdAt: '2026-11-24T09:00:00.000Z', dueDate: '2026-11-30T17:00:00.000Z',
    });
    expect(await tasks.findById('hp1')).toMatchObject({ state: 'open', priority: 50, dueDate: '2026-11-30T17:00:00.000Z', revision: 0 });
    await tasks.claim('hp1', 'u1', '2026-11-24T10:00:00.000Z');
    expect(await tasks.findById('hp1')).toMatchObject({ assignee: 'u1', revision: 1 });
    await tasks.recordClosed('hp1', 'completed', '2026-11-24T11:00:00.000Z', 'u1');
    await tasks.recordClosed('hp1', 'completed', '2026-11-24T11:00:00.000Z', 'u1'); // the engine's event, again
    expect(await tasks.findById('hp1')).toMatchObject({ state: 'completed', completedBy: 'u1' });
    expect(finds('tasks')).toBe(before);
    // The claim's and the closing's conditions were checked in memory: their writes go by _id alone.
    expect(writeFilters('tasks')).toEqual(['_id', '_id']);
    await expect(tasks.claim('hp1', 'u2', '2026-11-24T12:00:00.000Z')).rejects.toMatchObject({ code: 'TASK_CLOSED' });
    // What the index answers is what the collection holds.
    const stored = await new MongoTaskRepository(conn).findById('hp1');
    expect(await tasks.findById('hp1')).toEqual(stored);
    // Cancelled tasks leave the index: asked of the database.
    await tasks.recordCreated({
      id: 'hp2', instanceKey: 'i2', processId: 'referral-intake', processVersion: 1, elementId: 'triage', name: 'Triage',
      candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, createdAt: '2026-11-24T09:00:00.000Z',
    });
    await tasks.recordClosed('hp2', 'cancelled', '2026-11-24T11:00:00.000Z');
    const mid = finds('tasks');
    expect(await tasks.findById('hp2')).toMatchObject({ state: 'cancelled' });
    expect(await tasks.findById('nope')).toBeUndefined();
    expect(finds('tasks')).toBe(mid + 2);
  });

  it('reads a form version once; "latest" follows a new deploy when kept', async () => {
    const cache = new FormCache(); // shared by the two repositories below, as one process's would be
    const forms = new MongoFormRepository(conn, { cacheLatest: true, cache });
    await forms.append(form(1, 'First'));
    expect((await forms.latest('triage'))?.version).toBe(1);
    const before = finds('form_versions');
    const v1 = await forms.latest('triage');
    expect(await forms.getVersion('triage', 1)).toEqual(v1);
    expect(finds('form_versions')).toBe(before);
    // A caller changing its copy changes nothing for the next caller.
    (v1!.schema.components[0] as { label: string }).label = 'scribbled';
    expect((await forms.getVersion('triage', 1))?.schema.components[0]).toMatchObject({ label: 'First' });

    await new MongoFormRepository(conn, { cacheLatest: true, cache }).append(form(2, 'Second'));
    expect((await forms.latest('triage'))?.version).toBe(2);
    expect((await forms.getVersion('triage', 1))?.version).toBe(1);
  });
});

describe('team of a case for the task projection', () => {
  it('reads a case once for its team and name, and again after its ownership or identity changes', async () => {
    const { conn, finds } = await watchedConnection(freshDbName('teamof'));
    try {
      const cases = new MongoCaseRepository(conn, { cacheLabels: true });
      await cases.init();
      await cases.create({
        id: 'C1', team: 'north', status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'u1',
        identity: { nameKey: 'avajones', dateOfBirth: '2010-01-01', displayName: 'Ava Jones' }, sections: {},
      } as never, []);
      expect(await cases.teamOf('C1')).toBe('north');
      const before = finds('cases');
      expect(await cases.teamOf('C1')).toBe('north');
      expect(finds('cases')).toBe(before);
      await cases.setOwnership('C1', { team: 'south' });
      expect(await cases.teamOf('C1')).toBe('south');
      expect(await cases.teamOf('unknown')).toBeUndefined();

      // Queue pages name the child from the same kept label; a corrected identity is read afresh.
      expect(await cases.labelsOf(['C1', 'C1', 'unknown'])).toEqual([{ id: 'C1', team: 'south', displayName: 'Ava Jones' }]);
      const kept = finds('cases');
      await cases.labelsOf(['C1']);
      expect(finds('cases')).toBe(kept);
      await cases.appendAmendment(
        { caseId: 'C1', section: 'personal', seq: 1, at: '2026-11-24T10:00:00.000Z', by: 'u1', before: {}, after: { givenName: 'Ava' }, source: { kind: 'manual', reason: 'typo' } } as never,
        { revision: 1, values: { givenName: 'Eva', familyName: 'Jones' } } as never,
        { nameKey: 'evajones', dateOfBirth: '2010-01-01', displayName: 'Eva Jones' },
      );
      const renamed = finds('cases');
      expect((await cases.labelsOf(['C1']))[0].displayName).toBe('Eva Jones');
      expect(finds('cases')).toBe(renamed); // the write renamed the kept label: no read
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
  it('keeps every case\'s name and duplicate-check keys after one scan at start: queue names and duplicate checks then scan nothing', async () => {
    const { conn, finds, findFilters } = await watchedConnection(freshDbName('warm'));
    const person = (id: string, name: string, nhsNumber?: string) => ({
      id, team: 'north', status: 'open', createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'u1',
      identity: { nameKey: name.toLowerCase().replace(' ', '|'), dateOfBirth: '2010-01-01', displayName: name, ...(nhsNumber ? { nhsNumber } : {}) }, sections: {},
    }) as never;
    const keysOf = (name: string, nhsNumber?: string) => ({ nameKey: name.toLowerCase().replace(' ', '|'), dateOfBirth: '2010-01-01', ...(nhsNumber ? { nhsNumber } : {}) });
    try {
      const before = new MongoCaseRepository(conn, { cacheLabels: true });
      await before.init();
      for (const [id, name, nhs] of [['W1', 'Ava Jones', '4010232137'], ['W2', 'Ben Smith'], ['W3', 'Cal Price']]) await before.create(person(id!, name!, nhs), []);

      // A restarted server: until its scan ends the duplicate check asks the database (one $or query).
      const cases = new MongoCaseRepository(conn, { cacheLabels: true });
      expect(await cases.warmUp(() => true)).toBe(0);
      expect((await cases.findByIdentity(keysOf('Ava Jones'), 20)).map((c) => c.id)).toEqual(['W1']);
      expect(findFilters('cases').at(-1)).toBe('$or');
      expect(await cases.warmUp()).toBe(3);
      const warmed = finds('cases');
      const readsBefore = findFilters('cases').length;
      expect(await cases.labelsOf(['W1', 'W2', 'W3'])).toEqual([
        { id: 'W1', team: 'north', displayName: 'Ava Jones' }, { id: 'W2', team: 'north', displayName: 'Ben Smith' }, { id: 'W3', team: 'north', displayName: 'Cal Price' },
      ]);
      expect(finds('cases')).toBe(warmed);

      // Duplicate checks: by name and date of birth, or by NHS number, each candidate read by _id alone.
      expect((await cases.findByIdentity(keysOf('Ava Jones'), 20)).map((c) => c.id)).toEqual(['W1']);
      expect((await cases.findByIdentity({ ...keysOf('Someone Else'), nhsNumber: '4010232137' }, 20)).map((c) => c.id)).toEqual(['W1']);
      expect(await cases.findByIdentity(keysOf('Nobody Known'), 20)).toEqual([]);
      // A corrected identity moves the case to its new keys; a new case is found at once.
      await cases.appendAmendment(
        { caseId: 'W2', section: 'personal', seq: 1, at: '2026-11-24T10:00:00.000Z', by: 'u1', before: {}, after: {}, source: { kind: 'manual', reason: 'typo' } } as never,
        { revision: 1, values: { givenName: 'Ava', familyName: 'Jones' } } as never,
        { ...keysOf('Ava Jones'), displayName: 'Ava Jones' },
      );
      await cases.create(person('W4', 'Dan Roe', '9434765919'), []);
      expect((await cases.findByIdentity(keysOf('Ava Jones'), 20)).map((c) => c.id).sort()).toEqual(['W1', 'W2']);
      expect(await cases.findByIdentity(keysOf('Ben Smith'), 20)).toEqual([]);
      expect((await cases.findByIdentity({ ...keysOf('Dan Roe'), nhsNumber: '9434765919' }, 20)).map((c) => c.id)).toEqual(['W4']);
      expect(findFilters('cases').slice(readsBefore)).toEqual(['_id', '_id', '_id', '_id', '_id']); // no scan
      // A case refused at creation (its id is taken) leaves the index as the stored case has it.
      await expect(cases.create(person('W4', 'Eve Moss'), [])).rejects.toThrow();
      expect(await cases.findByIdentity(keysOf('Eve Moss'), 20)).toEqual([]);
      expect((await cases.findByIdentity({ ...keysOf('Dan Roe'), nhsNumber: '9434765919' }, 20)).map((c) => c.id)).toEqual(['W4']);
      expect((await cases.findByIdentity(keysOf('Dan Roe'), 20)).map((c) => c.id)).toEqual(['W4']);
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
});

describe('writes to one user at the same moment', () => {
  // FerretDB applies an update by rewriting the whole document: without the repository's per-user
  // serialisation, a sign-in being recorded and an administrator's change at once lose one of the two.
  it('keeps both a recorded sign-in and an administrator change made at once', async () => {
    const { conn } = await watchedConnection(freshDbName('userwrites'));
    try {
      const users = new MongoUserRepository(conn, { cache: new UserCache() });
      await users.init();
      const u = await users.create({ username: 'eve', displayName: 'Eve', email: 'eve@example.org', roles: [], teams: [] });
      for (let i = 0; i < 8; i++) {
        const at = new Date(Date.UTC(2026, 10, 24, 9, i));
        await Promise.all([users.recordSignIn(u.id, at), users.update(u.id, { displayName: `Eve ${i}` }), users.lock(u.id, at)]);
        const stored = await new MongoUserRepository(conn).findById(u.id);
        expect(stored).toMatchObject({ displayName: `Eve ${i}`, lastSignInAt: at.toISOString() });
      }
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
});

describe('submissions of concurrent completions', () => {
  it('are stored with one insert; a duplicate id fails only its own caller', async () => {
    const conn = mongoose.createConnection(testDbUri(), { dbName: freshDbName('subgroup'), monitorCommands: true, retryWrites: false });
    await conn.asPromise();
    const inserts: number[] = [];
    conn.getClient().on('commandStarted', (e) => {
      if (e.commandName === 'insert' && e.command.insert === 'form_submissions') inserts.push((e.command.documents as unknown[]).length);
    });
    try {
      const submissions = new MongoSubmissionRepository(conn);
      const sub = (n: number) => ({ id: `task-s${n}`, formId: 'f', version: 1, data: { n }, submittedBy: 'u1', submittedAt: '2026-11-24T10:00:00.000Z', taskId: `s${n}` });
      await submissions.create(sub(0));
      inserts.length = 0;
      const results = await Promise.allSettled([1, 2, 0, 3].map((n) => submissions.create(sub(n))));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect(inserts).toEqual([4]);
      for (const n of [1, 2, 3]) expect(await submissions.get(`task-s${n}`)).toMatchObject({ data: { n }, taskId: `s${n}` });
      await expect(submissions.create({ ...sub(9), submittedBy: '' })).rejects.toThrow(); // required fields still checked (formId may be '': a task without a form)
    } finally {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    }
  });
});
