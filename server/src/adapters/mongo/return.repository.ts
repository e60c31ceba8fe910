// Case-level return versions (collection `returns`), one document per version. A submitted version is never
// written again: the only update there is, markSubmitted, matches drafts only. FerretDB 1.24's conditional
// updates are not atomic, so two people marking the same draft at once could both be told "submitted"; the
// audit then shows both, and the stored file is the same either way.
import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { ConflictError } from '../../domain/errors';
import type { ReturnSummary, ReturnVersion } from '../../domain/returns/return-version';
import type { ReturnRepository } from '../../ports/return-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

type Doc = Omit<ReturnVersion, 'id'> & { _id: string };

const fromDoc = ({ _id, ...rest }: Doc): ReturnVersion => ({ id: _id, ...rest });

export class MongoReturnRepository implements ReturnRepository {
  private readonly docs: Collection<Doc>;

  constructor(conn: Connection) {
    this.docs = conn.collection<Doc>('returns') as unknown as Collection<Doc>;
  }

  async init(): Promise<void> {
    await this.docs.createIndex({ quarter: 1 });
  }

  async insert(v: ReturnVersion): Promise<void> {
    const { id, ...rest } = v;
    try {
      await this.docs.insertOne({ _id: id, ...rest });
    } catch (e) {
      if (isDuplicateKeyError(e)) throw new ConflictError(`Return version ${id} exists`, 'RETURN_VERSION_TAKEN');
      throw e;
    }
  }

  /** A quarter has a handful of versions; the files stay in the database. */
  async ofQuarter(quarter: string): Promise<ReturnSummary[]> {
    const docs = await this.docs.find({ quarter }, { projection: { xml: 0 } }).toArray();
    return docs.filter((d) => !(d as { erasedAt?: string }).erasedAt).map((d) => fromDoc(d as Doc)).sort((a, b) => b.version - a.version);
  }

  async lastVersion(quarter: string): Promise<number> {
    const docs = await this.docs.find({ quarter }, { projection: { version: 1 } }).toArray();
    return Math.max(0, ...docs.map((d) => d.version));
  }

  async markSubmitted(id: string, by: string, at: string): Promise<boolean> {
    const r = await this.docs.updateOne({ _id: id, status: 'draft' }, { $set: { status: 'submitted', submittedBy: by, submittedAt: at } });
    return r.modifiedCount === 1;
  }

  /** Only the number stays (so it is never given to another file): the file, problems and cases go. */
  async eraseDraftsOfCase(caseId: string): Promise<number> {
    const r = await this.docs.updateMany(
      { status: 'draft', caseIds: caseId },
      { $set: { erasedAt: new Date().toISOString(), xml: '', problems: [], caseIds: [] } },
    );
    return r.modifiedCount;
  }

  async get(id: string): Promise<ReturnVersion | undefined> {
    const doc = await this.docs.findOne({ _id: id });
    return doc && !(doc as { erasedAt?: string }).erasedAt ? fromDoc(doc as Doc) : undefined;
  }
}
