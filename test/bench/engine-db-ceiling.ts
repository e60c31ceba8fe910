// Benchmark: what the embedded database itself costs, so engine figures can be read against a ceiling.
// Sequential single writes, batched writes (insertMany / bulkWrite of 100) and concurrent writers, each on
// ~1 KB documents like an instance's. Prints operations/s and documents/s. Not a timed test.
import { benchEngine, pool, rate } from './support/bench-engine';

const N = Number(process.env.BENCH_N ?? 300);
const doc = (i: number, tag: string) => ({ _id: `${tag}-${i}`, rev: 1, pending: true, state: { vars: { i, text: 'x'.repeat(800) } } });

(async () => {
  const { conn, close, kind } = await benchEngine('ceiling');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const col = conn.collection<any>('ceiling');
  const time = async (label: string, ops: number, docs: number, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    const ms = performance.now() - t0;
    console.log(`  ${label.padEnd(46)} ${rate(ops, ms).padStart(8)} ops/s ${rate(docs, ms).padStart(8)} docs/s`);
  };
  try {
    console.log(`database ceiling (${kind}), ${N} documents per row:`);
    await time('insertOne, sequential', N, N, async () => { for (let i = 0; i < N; i++) await col.insertOne(doc(i, 'a')); });
    await time('updateOne by _id, sequential', N, N, async () => {
      for (let i = 0; i < N; i++) await col.updateOne({ _id: `a-${i}` }, { $set: { rev: 2, pending: false } });
    });
    await time('findOne by _id, sequential', N, N, async () => { for (let i = 0; i < N; i++) await col.findOne({ _id: `a-${i}` }); });
    await time('deleteOne by _id, sequential', N, N, async () => { for (let i = 0; i < N; i++) await col.deleteOne({ _id: `a-${i}` }); });
    for (const parallel of [2, 4, 8]) {
      await time(`insertOne, ${parallel} concurrent writers`, N, N, () => pool(N, parallel, (i) => col.insertOne(doc(i, `p${parallel}`))));
    }
    await time('insertMany of 100', N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) await col.insertMany(Array.from({ length: 100 }, (_, i) => doc(b + i, 'm')), { ordered: false });
    });
    await time('bulkWrite of 100 updateOne by _id', N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) {
        await col.bulkWrite(Array.from({ length: 100 }, (_, i) => ({ updateOne: { filter: { _id: `m-${b + i}` }, update: { $set: { rev: 3 } } } })), { ordered: false });
      }
    });
    await time('bulkWrite of 100 replaceOne by _id', N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) {
        await col.bulkWrite(Array.from({ length: 100 }, (_, i) => ({ replaceOne: { filter: { _id: `m-${b + i}` }, replacement: { ...doc(b + i, 'm'), rev: 4 } } })), { ordered: false });
      }
    });
    await time('bulkWrite of 100 deleteOne by _id', N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) {
        await col.bulkWrite(Array.from({ length: 100 }, (_, i) => ({ deleteOne: { filter: { _id: `m-${b + i}` } } })), { ordered: false });
      }
    });
    const total = await col.countDocuments();
    await time(`updateMany {_id: {$in: 100 ids}} over ${total} docs`, N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) await col.updateMany({ _id: { $in: Array.from({ length: 100 }, (_, i) => `p8-${b + i}`) } }, { $set: { rev: 5 } });
    });
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
