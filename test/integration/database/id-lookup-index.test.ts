// FerretDB 1.24 (SQLite) looks documents up by _id with an expression its own _id index does not
// match, so without help every find/update/delete by _id scans the table. Our FerretDB wrapper
// (tools/ferretdb/id_index.go) keeps an index on exactly that expression for every collection,
// including collections created while the server runs. This checks the index really lands in the
// database files (the schema is plain text in the SQLite file or its write-ahead log).
import fs from 'node:fs';
import path from 'node:path';
import { openTestDb } from '../../support/test-db';

function sqliteFiles(dir: string, dbName: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === `${dbName}.sqlite` || e.name === `${dbName}.sqlite-wal`) found.push(p);
    }
  };
  walk(dir);
  return found;
}

function schemaText(dir: string, dbName: string): string {
  return sqliteFiles(dir, dbName).map((f) => fs.readFileSync(f).toString('latin1')).join('\n');
}

async function eventually(check: () => boolean, attempts = 60): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return check();
}

describe('FerretDB _id lookups use an index', () => {
  it('gives every collection, also one created after start, an index on the expression FerretDB queries by _id', async () => {
    const db = await openTestDb('idindex');
    try {
      if (process.env.TEST_DB_KIND !== 'ferretdb') {
        expect(['mongod', 'external']).toContain(process.env.TEST_DB_KIND); // MongoDB indexes _id itself
        return;
      }
      const dataDir = process.env.TEST_DB_DATA_DIR!;
      await db.conn.collection('first_things').insertOne({ _id: 'a' } as never);
      await db.conn.collection('second_things').insertMany([{ _id: 'b' }, { _id: 'c' }] as never);
      const pattern = /CREATE INDEX "(first_things|second_things)_[0-9a-f]+_yjs_id_lookup" ON "\1_[0-9a-f]+" \(_ferretdb_sjson->'\$\._id'\)/g;
      const ok = await eventually(() => new Set([...schemaText(dataDir, db.dbName).matchAll(pattern)].map((m) => m[1])).size === 2);
      expect(ok).toBe(true);
      // The documents are still found and updated by _id as before.
      await db.conn.collection('second_things').updateOne({ _id: 'c' } as never, { $set: { v: 1 } });
      expect(await db.conn.collection('second_things').findOne({ _id: 'c' } as never)).toEqual({ _id: 'c', v: 1 });
    } finally {
      await db.drop();
    }
  });
});
