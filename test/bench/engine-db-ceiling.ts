// Benchmark: what the embedded database itself costs, so engine figures can be read against a ceiling.
// Sequential single writes, batched writes (insertMany / bulkWrite of 100) and concurrent writers, each on
// ~1 KB documents like an instance's. Prints operations/s and documents/s. Not a timed test.
import { benchEngine, pool, rate } from './support/bench-engine';

const N = Number(process.env.BENCH_N ?? 300);
const doc = (i: number, tag: string) => ({ _id: `${tag}-${i}`, rev: 1, pending: true, state: { vars: { i, text: 'x'.repeat(800) } } });

(async () => {
  const { conn, close, kind } = await benchEngine('ceiling');
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
    // Before the _id lookup index (tools/ferretdb/id_index.go) each update of a bulk write scanned the table
    // (batches of 100 did not finish in 10 minutes); with it, updates group-commit (store/update-batcher.ts).
    const B = 10;
    await time(`bulkWrite of ${B} updateOne by _id`, N / B, N, async () => {
      for (let b = 0; b < N; b += B) {
        await col.bulkWrite(Array.from({ length: B }, (_, i) => ({ updateOne: { filter: { _id: `m-${b + i}` }, update: { $set: { rev: 3 } } } })), { ordered: false });
      }
    });
    await time(`bulkWrite of ${B} deleteOne by _id`, N / B, N, async () => {
      for (let b = 0; b < N; b += B) {
        await col.bulkWrite(Array.from({ length: B }, (_, i) => ({ deleteOne: { filter: { _id: `m-${b + i}` } } })), { ordered: false });
      }
    });
    const total = await col.countDocuments();
    await time(`updateMany {_id: {$in: 100 ids}} over ${total} docs`, N / 100, N, async () => {
      for (let b = 0; b < N; b += 100) await col.updateMany({ _id: { $in: Array.from({ length: 100 }, (_, i) => `p8-${b + i}`) } }, { $set: { rev: 5 } });
    });
    // Lookups by _id use the wrapper's index (tools/ferretdb/id_index.go), so their cost should not grow with
    // the table: reads, single and bulk updates of random rows at growing sizes.
    const big = conn.collection<any>('ceiling_size');
    for (const size of [100, 2000]) {
      for (let b = await big.countDocuments(); b < size; b += 100) await big.insertMany(Array.from({ length: 100 }, (_, i) => doc(b + i, 's')));
      const at = (i: number) => `s-${(i * 7919) % size}`;
      await time(`findOne by _id, random row of ${size}`, 50, 50, async () => { for (let i = 0; i < 50; i++) await big.findOne({ _id: at(i) }); });
      await time(`updateOne by _id, random row of ${size}`, 50, 50, async () => { for (let i = 0; i < 50; i++) await big.updateOne({ _id: at(i) }, { $set: { rev: i } }); });
      for (const n of [10, 50]) {
        await time(`bulkWrite of ${n} updateOne, random rows of ${size}`, 100 / n, 100, async () => {
          for (let b = 0; b < 100; b += n) {
            await big.bulkWrite(Array.from({ length: n }, (_, i) => ({ updateOne: { filter: { _id: at(b + i + 50) }, update: { $set: { rev: b } } } })), { ordered: false });
          }
        });
      }
      await time(`insertOne into ${size}`, 50, 50, async () => { for (let i = 0; i < 50; i++) await big.insertOne(doc(i, `n${size}`)); });
    }
  } finally {
    await close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
