// The audit chain on the real database: it verifies, a direct tamper (update, delete in the middle,
// delete at the end) is reported naming the event, and concurrent writers keep it linear.
import mongoose from 'mongoose';
import { MongoAuditRepository } from '../../../server/src/adapters/mongo/audit.repository';
import { connectMongo } from '../../../server/src/adapters/mongo/mongo-connection';
import { GENESIS_HASH, type AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import { sealEvent } from '../../../server/src/domain/audit/audit-hash';
import { openTestDb, testDbUri } from '../../support/test-db';

const clock = { now: () => new Date() };
const ev = (n: number, extra: Partial<AuditEventInput> = {}): AuditEventInput => ({
  actor: { id: `u${n % 3}`, username: `user${n % 3}` },
  action: n % 2 ? 'case.read' : 'case.write',
  recordType: 'case',
  recordId: `c${n}`,
  sections: ['personal'],
  before: {},
  after: { note: `change ${n}`, nested: { b: 2, a: [1, 'x', null] } },
  ip: '127.0.0.1',
  ...extra,
});

describe('audit chain', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let audit: MongoAuditRepository;

  beforeEach(async () => {
    db = await openTestDb('audit');
    audit = new MongoAuditRepository(db.conn, { clock });
    await audit.init();
  });
  afterEach(() => db.drop());

  const raw = () => db.conn.db!.collection('audit_events');

  it('links each event to the one before and verifies', async () => {
    const first = await audit.record(ev(1));
    const second = await audit.record(ev(2));
    expect(first.seq).toBe(1);
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(second.hash).toMatch(/^[a-f0-9]{64}$/);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 2, lastSeq: 2, lastHash: second.hash });
  });

  it('stores summaries keyed by dotted paths or "$" names (refused by the database as keys) and still verifies', async () => {
    // An event about no case: its details are stored in clear (a case's are ciphertext, see below).
    const e = await audit.record(ev(1, { recordType: 'user', recordId: 'u1', before: { 'personal.name': 'A', list: [{ $where: 1 }] }, after: { 'personal.name': 'B' } }));
    expect(e.before).toEqual({ 'personal\uff0ename': 'A', list: [{ '\uff04where': 1 }] });
    const stored = await raw().findOne({ seq: 1 });
    expect(stored!.after).toEqual({ 'personal\uff0ename': 'B' });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 1 });
  });

  it('reports a changed event by its sequence number', async () => {
    for (let i = 1; i <= 5; i++) await audit.record(ev(i));
    await raw().updateOne({ seq: 3 }, { $set: { 'actor.id': 'someone-else' } });
    const report = await audit.verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'changed', seq: 3 });
    expect(report.problem?.message).toMatch(/event 3/);
    expect(report.checked).toBe(2);
  });

  it('reports a deleted event in the middle and one cut off the end', async () => {
    for (let i = 1; i <= 5; i++) await audit.record(ev(i));
    await raw().deleteOne({ seq: 5 });
    expect((await audit.verify()).problem).toMatchObject({ kind: 'truncated', seq: 5 });
    await raw().deleteOne({ seq: 2 });
    expect((await audit.verify()).problem).toMatchObject({ kind: 'missing', seq: 2 });
  });

  it('detects an event rewritten with a recomputed hash of its own (the link to it breaks)', async () => {
    for (let i = 1; i <= 3; i++) await audit.record(ev(i));
    const { sealEvent } = await import('../../../server/src/domain/audit/audit-hash');
    const original = await raw().findOne({ seq: 2 });
    const forged = sealEvent({ ...ev(2), reason: 'forged' }, 2, new Date(), original!.prevHash);
    await raw().replaceOne({ seq: 2 }, forged);
    expect((await audit.verify()).problem).toMatchObject({ kind: 'broken-link', seq: 3 });
  });

  it('keeps the chain linear with concurrent writers in two "processes"', async () => {
    const other = await connectMongo(testDbUri(), db.dbName);
    try {
      const second = new MongoAuditRepository(other, { clock });
      const writes = Array.from({ length: 40 }, (_, i) => (i % 2 ? audit : second).record(ev(i)));
      const events = await Promise.all(writes);
      expect(new Set(events.map((e) => e.seq)).size).toBe(40);
      expect(await raw().countDocuments()).toBe(40);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 40, lastSeq: 40 });
    } finally {
      await other.close();
    }
  });

  it('writes a burst of concurrent events in call order, a few inserts for many events, and verifies', async () => {
    // A connection that reports its commands, to count the writes the burst cost.
    const watched = mongoose.createConnection(testDbUri(), { dbName: db.dbName, monitorCommands: true, retryWrites: false });
    await watched.asPromise();
    try {
      const inserts: number[] = [];
      watched.getClient().on('commandStarted', (e) => {
        if (e.commandName === 'insert' && e.command.insert === 'audit_events') inserts.push((e.command.documents as unknown[]).length);
      });
      const grouped = new MongoAuditRepository(watched, { clock });
      const events = await Promise.all(Array.from({ length: 30 }, (_, i) => grouped.record(ev(i, { recordId: `burst${i}` }))));
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(events.map((e) => e.recordId)).toEqual(Array.from({ length: 30 }, (_, i) => `burst${i}`));
      expect(inserts).toEqual([30]);
      // Events recorded in one turn a few awaits apart (a completion's case write, then its task event) share
      // one insert too; they chain on the head kept in memory, and the stored log verifies end to end.
      const caseWrite = grouped.record(ev(31));
      await Promise.resolve();
      await Promise.resolve();
      const [, after] = await Promise.all([caseWrite, grouped.record(ev(32))]);
      expect(inserts).toEqual([30, 2]);
      expect(after).toMatchObject({ seq: 32, prevHash: (await caseWrite).hash });
      expect((await caseWrite).prevHash).toBe(events[29].hash);
      expect(await audit.verify()).toMatchObject({ ok: true, checked: 32, lastSeq: 32, lastHash: after.hash });
      expect(await db.conn.db!.collection('audit_head').findOne({ _id: 'head' as never })).toMatchObject({ seq: 32, hash: after.hash });
    } finally {
      await watched.close();
    }
  });

  it('fails only the caller whose event cannot be stored; the others in its burst are chained as usual', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const results = await Promise.allSettled([audit.record(ev(1)), audit.record(ev(2, { after: cyclic })), audit.record(ev(3))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [first, , third] = results as PromiseFulfilledResult<{ seq: number; hash: string; prevHash: string }>[];
    expect(third.value).toMatchObject({ seq: first.value.seq + 1, prevHash: first.value.hash });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it('resumes the chain of a log written before it started (the head is read once, from the database)', async () => {
    for (let i = 1; i <= 3; i++) await audit.record(ev(i));
    const restarted = new MongoAuditRepository(db.conn, { clock });
    const next = await restarted.record(ev(4));
    expect(next.seq).toBe(4);
    expect(await restarted.verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it('stores an event recorded again under its key once: in a later burst, in the same burst, after a restart; the chain stays linear', async () => {
    const first = await audit.record(ev(1, { key: 'task-t1:task.complete' }));
    // A retried completion records it again, between other events: the events behind it close the gap.
    const burst = await Promise.all([audit.record(ev(2)), audit.record(ev(3, { key: 'task-t1:task.complete' })), audit.record(ev(4)),
      audit.record(ev(5, { key: 'task-t2:case.write' })), audit.record(ev(6, { key: 'task-t2:case.write' }))]);
    expect(burst[1]).toEqual(first);
    expect(burst[4]).toEqual(burst[3]);
    expect([burst[0], burst[2], burst[3]].map((e) => e.seq)).toEqual([2, 3, 4]);
    // Another process (a restart) recording them again, with nothing in memory.
    const restarted = new MongoAuditRepository(db.conn, { clock });
    expect(await restarted.record(ev(7, { key: 'task-t2:case.write' }))).toEqual(burst[3]);
    const next = await restarted.record(ev(8, { key: 'task-t3:task.complete' }));
    expect(next).toMatchObject({ seq: 5, prevHash: burst[3].hash, key: 'task-t3:task.complete' });
    expect(await raw().countDocuments()).toBe(5);
    expect((await audit.search({ recordId: 'c1' }, { offset: 0, limit: 10 })).items).toEqual([first]);
    expect(await restarted.verify()).toMatchObject({ ok: true, checked: 5, lastSeq: 5 });
    expect(await db.conn.db!.collection('audit_head').findOne({ _id: 'head' as never })).toMatchObject({ seq: 5, hash: next.hash });
  });

  it('keeps a case’s details as ciphertext; erasing the case destroys its key: details gone, chain verifies, legacy events counted', async () => {
    // An event written before details were encrypted (plaintext, hashed as such).
    const legacy = sealEvent(ev(1), 1, new Date(), GENESIS_HASH);
    await raw().insertOne({ ...legacy });
    const second = await audit.record(ev(2, { recordId: 'c1', key: 'k2' }));
    await audit.record(ev(3, { recordId: 'c2' }));
    expect(second.after).toEqual(ev(2).after); // the caller sees the details
    const stored = await raw().findOne({ seq: 2 });
    expect([stored!.after, stored!.caseId]).toEqual([undefined, 'c1']);
    expect(JSON.stringify(stored)).not.toContain('change 2');

    expect(await audit.eraseCaseDetails('c1')).toEqual({ plaintextEvents: 1 });
    const c1 = (await audit.search({ recordId: 'c1' }, { offset: 0, limit: 10 })).items;
    expect(c1.map((e) => [e.seq, e.detailsErased ?? false, e.after?.note])).toEqual([[2, true, undefined], [1, false, 'change 1']]);
    expect((await audit.search({ recordId: 'c2' }, { offset: 0, limit: 10 })).items[0].after).toEqual(ev(3).after);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 3 });
    // A retried step recording the keyed event again gets the stored one, whose details stay unreadable.
    const again = await audit.record(ev(2, { recordId: 'c1', key: 'k2' }));
    expect([again.seq, again.after]).toEqual([2, undefined]);
    expect(await raw().countDocuments()).toBe(3);
  });

  it('searches with filters and pages newest first', async () => {
    for (let i = 1; i <= 7; i++) await audit.record(ev(i));
    await audit.record({ actor: { id: 'u9' }, action: 'auth.sign-in', flagged: true });
    const page = await audit.search({ action: 'case.read' }, { offset: 0, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.seq)).toEqual([7, 5]);
    const next = await audit.search({ action: 'case.read' }, { offset: 2, limit: 2 });
    expect(next.items.map((e) => e.seq)).toEqual([3, 1]);
    expect((await audit.search({ action: 'auth.' }, { offset: 0, limit: 10 })).items.map((e) => e.action)).toEqual(['auth.sign-in']);
    expect((await audit.search({ actorId: 'u1', recordId: 'c4' }, { offset: 0, limit: 10 })).items.map((e) => e.seq)).toEqual([4]);
    expect((await audit.search({ flagged: true }, { offset: 0, limit: 10 })).total).toBe(1);
    expect((await audit.search({ from: new Date(Date.now() + 60_000) }, { offset: 0, limit: 10 })).total).toBe(0);
  });
  it("lists a case's flagged events without searching the log: newest first, only that case's, all of a burst, gone with the case", async () => {
    await audit.record(ev(1, { recordId: 'c-flag', reason: 'Arrested overnight', flagged: true }));
    await audit.record(ev(3, { recordId: 'c-flag' })); // not flagged
    await audit.record(ev(5, { recordId: 'c-other', reason: 'Other case', flagged: true }));
    await Promise.all([7, 9, 11].map((n) => audit.record(ev(n, { recordId: 'c-flag', reason: `burst ${n}`, flagged: true }))));
    const flagged = await audit.flaggedOfCase('c-flag', 50);
    expect(flagged.map((e) => e.reason).sort()).toEqual(['Arrested overnight', 'burst 11', 'burst 7', 'burst 9']);
    expect(flagged.map((e) => e.seq)).toEqual([...flagged.map((e) => e.seq)].sort((a, b) => b - a));
    expect(flagged[flagged.length - 1].reason).toBe('Arrested overnight');
    expect((await audit.flaggedOfCase('c-flag', 2)).length).toBe(2);
    expect((await audit.verify()).ok).toBe(true);
    await audit.eraseCaseDetails('c-flag');
    expect(await audit.flaggedOfCase('c-flag', 50)).toEqual([]);
    expect((await audit.flaggedOfCase('c-other', 50)).map((e) => e.reason)).toEqual(['Other case']);
  });
});
