import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { resolveDatabase } from '../../server/src/adapters/database/resolve-database';
import { connectMongo } from '../../server/src/adapters/mongo/mongo-connection';
async function main() {
  const rootDir = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  const h = await resolveDatabase({ dataDir, rootDir });
  const conn = await connectMongo(h.uri, 'probe');
  const c = conn.db!.collection('t');
  const N = Number(process.env.N ?? 20000);
  for (let f = 0; f < N; f += 5000) await c.insertMany(Array.from({ length: 5000 }, (_, k) => { const i = f + k; return { _id: `t${i}` as any, state: 'open', assignee: i % 5 < 3 ? `u${i % 500}` : null, team: `team-${i % 50}`, g: ['case-managers'], due: new Date(1e12 + i * 1000), name: 'x'.repeat(200) }; }));
  await c.createIndex({ state: 1, assignee: 1, due: 1 });
  const time = async (label: string, fn: () => Promise<unknown>) => { const t = Date.now(); for (let i = 0; i < 5; i++) await fn(); console.log(label, ((Date.now() - t) / 5).toFixed(1), 'ms'); };
  await time('_id', () => c.findOne({ _id: 't77' as any }));
  await time('_id range', () => c.find({ _id: { $gte: 't100', $lt: 't101' } as any }).toArray());
  await time('_id $in 25', () => c.find({ _id: { $in: Array.from({ length: 25 }, (_, i) => `t${i * 13}`) } as any }).toArray());
  await time('_id regex prefix', () => c.find({ _id: /^t100/ as any }).toArray());
  await time('assignee eq', () => c.find({ assignee: 'u7' }).toArray());
  await time('state+assignee', () => c.find({ state: 'open', assignee: 'u7' }).toArray());
  await time('state+assignee sort limit', () => c.find({ state: 'open', assignee: 'u7' }).sort({ due: 1 }).limit(25).toArray());
  await time('count state+assignee', () => c.countDocuments({ state: 'open', assignee: 'u7' }));
  await time('team eq', () => c.find({ team: 'team-7' }).toArray());
  await time('team $in', () => c.find({ team: { $in: ['team-7'] } }).toArray());
  await time('full scan', () => c.find({ nope: 1 }).toArray());
  await conn.close(); await h.close(); fs.rmSync(dataDir, { recursive: true, force: true });
}
main();
