// No write of this process goes out unacknowledged, and the embedded database would survive one anyway.
// FerretDB 1.24 replies to a w: 0 write (OP_MSG moreToCome), and the driver then hands that reply to the
// next request on the connection. Two defences, each tested here: the project's FerretDB drops those
// replies (tools/ferretdb/no_reply_proxy.go), and the driver guard installed by connectMongo upgrades every
// w: 0; and the product's own code asks for none while it signs people in and out and cleans up sessions.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { upgradedWrites } from '../../../server/src/adapters/mongo/acknowledged-writes';
import { startSessionCleanup } from '../../../server/src/adapters/mongo/session-cleanup';
import { findFreePort } from '../../../server/src/adapters/database/find-free-port';
import { waitForPing } from '../../../server/src/adapters/database/wait-for-ping';
import { rootDir } from '../../support/server-process';
import { freshDbName, openTestDb, testDbUri } from '../../support/test-db';
import { startTestSystem } from '../../support/system';

const ferret = process.env.TEST_DB_KIND === 'ferretdb';

/** The project's FerretDB on a port of its own, with its proxy on or off (off: FerretDB's own listener). */
async function startFerretdb(proxy: 'on' | 'off'): Promise<{ uri: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-bare-ferret-'));
  const port = await findFreePort();
  const bin = process.env.FERRETDB_BIN || path.join(rootDir, '.cache', 'ferretdb', 'ferretdb');
  const child = spawn(bin, ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`, '--log-level=error'], {
    env: { ...process.env, YJS_NO_REPLY_PROXY: proxy }, stdio: 'ignore',
  });
  const uri = `mongodb://127.0.0.1:${port}/`;
  await waitForPing(uri, 20_000);
  return {
    uri,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
const rows = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ _id: `${tag}-${i}`, tag }));

describe('unacknowledged writes', () => {
  it('FerretDB answers a w: 0 write, shifting the next reply; the wrapper\'s proxy (YJS_NO_REPLY_PROXY=on) drops that reply', async () => {
    // This file's driver has no guard yet: nothing above has called connectMongo.
    const inStep = async (uri: string) => {
      const conn = mongoose.createConnection(uri, { dbName: freshDbName('w0raw'), maxPoolSize: 1, retryWrites: false });
      await conn.asPromise();
      try {
        const c = conn.db!.collection<{ _id: string; tag: string }>('notes');
        await c.insertMany(rows(3, 'a'));
        await c.deleteMany({ tag: 'nothing' }, { writeConcern: { w: 0 } });
        return (await c.find({ tag: 'a' }).toArray()).length === 3;
      } catch (e) {
        if (/cursor/i.test(String(e))) return false; // the reply of the delete, taken for the find's
        throw e;
      } finally {
        await conn.dropDatabase().catch(() => undefined);
        await conn.close();
      }
    };
    if (!ferret) return expect(await inStep(testDbUri())).toBe(true); // mongod (or MongoDB) keeps the protocol itself
    for (const [proxy, expected] of [['off', false], ['on', true]] as const) {
      const db = await startFerretdb(proxy);
      try {
        expect({ proxy, inStep: await inStep(db.uri) }).toEqual({ proxy, inStep: expected });
      } finally {
        await db.stop();
      }
    }
  });

  it('with the guard, a w: 0 write is sent acknowledged, counted, and every later reply is the right one', async () => {
    const db = await openTestDb('w0guard'); // connectMongo installs the guard
    const sent: CommandStartedEvent[] = [];
    const watch = mongoose.createConnection(testDbUri(), { dbName: db.dbName, maxPoolSize: 1, monitorCommands: true, retryWrites: false });
    await watch.asPromise();
    watch.getClient().on('commandStarted', (e) => sent.push(e));
    try {
      const c = watch.db!.collection<{ _id: string; tag: string }>('notes');
      await c.insertMany(rows(3, 'b'));
      const before = upgradedWrites().length;
      for (let i = 0; i < 5; i++) {
        await c.deleteMany({ tag: 'nothing' }, { writeConcern: { w: 0 } });
        expect((await c.find({ tag: 'b' }).toArray()).map((r) => r._id).sort()).toEqual(['b-0', 'b-1', 'b-2']);
      }
      expect(upgradedWrites().length - before).toBe(5);
      expect(upgradedWrites().at(-1)?.command).toBe('delete notes');
      const deletes = sent.filter((e) => e.commandName === 'delete');
      expect(deletes).toHaveLength(5);
      expect(deletes.every((e) => e.command.writeConcern?.w === 1)).toBe(true);
    } finally {
      await watch.close();
      await db.drop();
    }
  });

  it('the session clean-up removes only expired sessions, with acknowledged deletes', async () => {
    const db = await openTestDb('sessclean');
    try {
      const sessions = db.conn.db!.collection<{ _id: string; expires: Date }>('sessions');
      const now = Date.now();
      await sessions.insertMany([
        { _id: 'old-1', expires: new Date(now - 60_000) },
        { _id: 'old-2', expires: new Date(now - 1) },
        { _id: 'live', expires: new Date(now + 3_600_000) },
      ]);
      const cleanup = startSessionCleanup(db.conn, 'sessions', { everyMs: 3_600_000 });
      expect(await cleanup.runOnce()).toBe(2);
      await cleanup.stop();
      expect((await sessions.find({}).toArray()).map((s) => s._id)).toEqual(['live']);
    } finally {
      await db.drop();
    }
  });

  it('the product asks for no unacknowledged write while people sign in and out and sessions are cleaned up', async () => {
    const system = await startTestSystem({ SESSION_CLEANUP_MINUTES: '0.01' });
    const w0: CommandStartedEvent[] = [];
    system.conn.getClient().on('commandStarted', (e) => {
      if (e.command.writeConcern?.w === 0) w0.push(e);
    });
    const before = upgradedWrites().length;
    try {
      for (const username of ['cara.case', 'sol.case', 'tom.manager']) {
        const res = await fetch(`${system.url}/api/auth/sign-in`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-password-2026' }),
        });
        expect(res.status).toBe(200);
      }
      await system.conn.db!.collection('sessions').insertOne({ _id: 'expired' as never, expires: new Date(Date.now() - 1000), session: '{}' });
      // The clean-up runs every 0.6 s here: wait until it has removed the expired session.
      for (let i = 0; i < 50 && (await system.conn.db!.collection('sessions').countDocuments({ _id: 'expired' as never })); i++) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(await system.conn.db!.collection('sessions').countDocuments({ _id: 'expired' as never })).toBe(0);
      expect(await system.conn.db!.collection('sessions').countDocuments({})).toBe(3);
      expect(w0).toEqual([]);
      expect(upgradedWrites().slice(before)).toEqual([]);
    } finally {
      await system.close();
    }
  });
});
