// Subject access snapshots in two collections: `sar_snapshots` holds one small head per request (_id = the
// request's key) and `sar_snapshot_items` the gathered items in chunks (_id = key:generation:n). Every read
// of a view is a find by exact _id — on FerretDB 1.24 any other filter decodes the whole collection — and
// chunks keep each document far below the 16 MB document limit however much a case holds. Erasure's one
// filtered read (heads naming a case) decodes only the heads, one per request.
import type { Connection } from 'mongoose';
import type { SarSnapshot, SnapshotItem } from '../../domain/sar/sar-snapshot';
import type { SarSnapshotStore, SnapshotHead } from '../../ports/sar-snapshot.port';

type HeadDoc = Omit<SarSnapshot, 'key'> & { _id: string };
type ChunkDoc = { _id: string; items: SnapshotItem[] };

/** A chunk is flushed at this many items or about this many bytes of JSON, whichever comes first. */
const CHUNK_ITEMS = 500;
const CHUNK_BYTES = 2_000_000;

const chunkId = (key: string, generation: number, n: number) => `${key}:${generation}:${n}`;

export class MongoSarSnapshotRepository implements SarSnapshotStore {
  constructor(private readonly conn: Connection) {}

  private get heads() { return this.conn.db!.collection<HeadDoc>('sar_snapshots'); }
  private get chunks() { return this.conn.db!.collection<ChunkDoc>('sar_snapshot_items'); }

  async head(key: string): Promise<SarSnapshot | undefined> {
    const doc = await this.heads.findOne({ _id: String(key) });
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { ...rest, key: _id };
  }

  async *items(snapshot: SarSnapshot): AsyncIterable<SnapshotItem> {
    for (let n = 0; n < snapshot.chunks; n++) {
      const chunk = await this.chunks.findOne({ _id: chunkId(snapshot.key, snapshot.generation, n) });
      if (chunk) yield* chunk.items;
    }
  }

  async save(ref: Pick<SnapshotHead, 'key' | 'generation'>, items: AsyncIterable<SnapshotItem> | Iterable<SnapshotItem>, headOf: () => SnapshotHead): Promise<SarSnapshot> {
    const previous = await this.head(ref.key);
    let n = 0;
    let batch: SnapshotItem[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      const _id = chunkId(ref.key, ref.generation, n++);
      await this.chunks.replaceOne({ _id }, { items: batch }, { upsert: true });
      batch = [];
      bytes = 0;
    };
    for await (const item of items) {
      batch.push(item);
      bytes += JSON.stringify(item).length;
      if (batch.length >= CHUNK_ITEMS || bytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    const snapshot: SarSnapshot = { ...headOf(), ...ref, chunks: n };
    await this.updateHead(snapshot);
    // The previous generation's chunks (and any a crashed save left past the end) go by exact _id.
    if (previous && previous.generation !== ref.generation) {
      for (let i = 0; i < previous.chunks; i++) await this.chunks.deleteOne({ _id: chunkId(ref.key, previous.generation, i) });
    }
    return snapshot;
  }

  async updateHead(snapshot: SarSnapshot): Promise<void> {
    const { key, ...rest } = snapshot;
    await this.heads.replaceOne({ _id: key }, withoutUndefined(rest), { upsert: true });
  }

  async headsNamingCase(caseId: string): Promise<SarSnapshot[]> {
    const docs = await this.heads.find({ caseIds: String(caseId) }).toArray();
    return docs.map(({ _id, ...rest }) => ({ ...rest, key: _id }));
  }
}

const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
