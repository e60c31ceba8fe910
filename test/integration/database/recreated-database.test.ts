// FerretDB (SQLite) keeps a database in <name>.sqlite and drops it by closing its connections and removing that
// file. SQLite removes the write-ahead log and shared-memory files on the last close only, so while another
// connection in the process held the database (our wrapper's id-index loop kept one open for good), they
// stayed behind, and a database created later under the same name shared them with the old connection, still
// open on the removed file: FerretDB answered "no such table" for a collection it had just written. This drops
// a database the wrapper has visited, creates it again and expects exactly the new documents back.
import { openTestDb } from '../../support/test-db';

// The wrapper visits each database every 250 ms and checkpoints one written to at most each second
// (tools/ferretdb/id_index.go, checkpoint.go); this lets it visit at least once.
const visitedByTheWrapper = () => new Promise((r) => setTimeout(r, 700));
const collections = ['cases', 'tasks', 'notes', 'people'];
const padding = 'x'.repeat(2000); // enough to leave thousands of pages in the write-ahead log

describe('a dropped database created again under the same name', () => {
  it('holds only what was written after it was created again', async () => {
    const db = await openTestDb('recreated');
    try {
      for (let batch = 0; batch < 40; batch++) {
        const docs = Array.from({ length: 50 }, (_, i) => ({ _id: `old-${batch}-${i}`, generation: 'old', padding }));
        await db.conn.collection(collections[batch % 4]).insertMany(docs as never[]);
      }
      await visitedByTheWrapper();
      await db.conn.dropDatabase();

      for (const name of collections) {
        const docs = Array.from({ length: 50 }, (_, i) => ({ _id: `new-${i}`, generation: 'new', padding }));
        await db.conn.collection(name).insertMany(docs as never[]);
      }
      await visitedByTheWrapper();
      for (const name of collections) {
        const generations = (await db.conn.collection(name).find().toArray()).map((d) => d.generation);
        expect(generations).toEqual(Array(50).fill('new'));
      }
    } finally {
      await db.drop();
    }
  });
});
