// The embedded FerretDB's durability as configured (resolve-database.ts, tools/ferretdb/wal_sync.go): every
// acknowledged write survives a kill of the database process; by default SQLite does not fsync per commit
// and the wrapper fsyncs the write-ahead logs every 100 ms instead (mongod's journal interval);
// EMBEDDED_DB_SYNC=commit keeps SQLite's fsync per commit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { ferretdbBinaryPath, resolveDatabase } from '../../../server/src/adapters/database/resolve-database';
import { findFreePort } from '../../../server/src/adapters/database/find-free-port';

const rootDir = path.resolve(__dirname, '..', '..', '..');
const onFerretdb = process.env.TEST_DB_KIND === 'ferretdb';
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-durability-'));
const start = (dataDir: string, syncEachCommit = false) =>
  resolveDatabase({ dataDir, rootDir, ferretdbBin: process.env.FERRETDB_BIN || undefined, syncEachCommit });
const childPid = (dataDir: string): number => JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'runtime.json'), 'utf8')).pid;
const procText = (pid: number, file: string) => fs.readFileSync(`/proc/${pid}/${file}`).toString('latin1').split('\0');

describe('embedded database durability', () => {
  it('keeps every acknowledged write when the database process is killed (SIGKILL) and restarted', async () => {
    if (!onFerretdb) return expect(['mongod', 'external']).toContain(process.env.TEST_DB_KIND);
    const dataDir = tmp();
    const first = await start(dataDir);
    const client = await MongoClient.connect(first.uri);
    for (let i = 0; i < 150; i++) await client.db('durable').collection('things').insertOne({ _id: i, v: `v${i}` } as never);
    await client.db('durable').collection('things').updateOne({ _id: 7 } as never, { $set: { v: 'changed' } });
    const pid = childPid(dataDir);
    process.kill(pid, 'SIGKILL'); // no shutdown, no checkpoint
    await client.close(true);
    await first.close();
    const second = await start(dataDir);
    const again = await MongoClient.connect(second.uri);
    try {
      expect(await again.db('durable').collection('things').countDocuments()).toBe(150);
      expect(await again.db('durable').collection('things').findOne({ _id: 7 } as never)).toEqual({ _id: 7, v: 'changed' });
    } finally {
      await again.close();
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs SQLite without an fsync per commit and with the 100 ms log sync by default, and per commit when asked', async () => {
    if (!onFerretdb) return expect(['mongod', 'external']).toContain(process.env.TEST_DB_KIND);
    for (const syncEachCommit of [false, true]) {
      const dataDir = tmp();
      const db = await start(dataDir, syncEachCommit);
      try {
        const pid = childPid(dataDir);
        const url = procText(pid, 'cmdline').find((a) => a.startsWith('--sqlite-url='))!;
        expect(url.includes('synchronous(NORMAL)')).toBe(!syncEachCommit);
        expect(url).toContain('journal_mode(WAL)');
        expect(procText(pid, 'environ').includes('YJS_WAL_SYNC_INTERVAL=100ms')).toBe(!syncEachCommit);
        // Checkpoints in the background, so a commit seldom has to make one itself.
        expect(url).toContain('wal_autocheckpoint(8000)');
        expect(procText(pid, 'environ')).toContain('YJS_CHECKPOINT_INTERVAL=1s');
      } finally {
        await db.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }, 60_000);

  it('the wrapper fsyncs the write-ahead log of a database it writes to', async () => {
    if (!onFerretdb) return expect(['mongod', 'external']).toContain(process.env.TEST_DB_KIND);
    const dataDir = tmp();
    const port = await findFreePort();
    const child = spawn(ferretdbBinaryPath(rootDir, process.env.FERRETDB_BIN || undefined), [
      '--handler=sqlite', `--sqlite-url=file:${dataDir}/?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)`,
      `--listen-addr=127.0.0.1:${port}`, '--log-level=debug',
    ], { env: { ...process.env, YJS_WAL_SYNC_INTERVAL: '50ms' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString(); });
    try {
      let client: MongoClient | undefined;
      for (let i = 0; i < 100 && !client; i++) {
        client = await MongoClient.connect(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 200 }).catch(() => undefined);
      }
      await client!.db('walsync').collection('things').insertOne({ _id: 1 } as never);
      await client!.close();
      const synced = () => /"msg":"wal synced","file":"[^"]*walsync\.sqlite-wal"/.test(stderr);
      for (let i = 0; i < 40 && !synced(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(synced()).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('checkpoints a database written since its last checkpoint in the background, well below the commit threshold', async () => {
    if (!onFerretdb) return expect(['mongod', 'external']).toContain(process.env.TEST_DB_KIND);
    const dataDir = tmp();
    const db = await start(dataDir);
    const client = await MongoClient.connect(db.uri);
    try {
      const file = path.join(dataDir, 'ferretdb', 'checkpointed.sqlite');
      await client.db('checkpointed').collection('things').insertOne({ _id: 0 } as never);
      await new Promise((r) => setTimeout(r, 1500)); // the collection's creation is checkpointed first
      const before = fs.statSync(file).size;
      // ~1 MB of writes: far below the 8,000 pages (~32 MB) at which a commit would checkpoint itself. In WAL
      // mode only a checkpoint writes the database file, so its growth shows the background one ran.
      const docs = Array.from({ length: 500 }, (_, i) => ({ _id: i + 1, text: 'x'.repeat(2000) }));
      await client.db('checkpointed').collection('things').insertMany(docs as never[]);
      let after = fs.statSync(file).size;
      for (let i = 0; i < 60 && after < before + 1_000_000; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = fs.statSync(file).size;
      }
      expect(after).toBeGreaterThanOrEqual(before + 1_000_000);
      expect(await client.db('checkpointed').collection('things').countDocuments()).toBe(501);
    } finally {
      await client.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
