// Case-level return versions (collection `returns`), one document per version. A submitted version is never
// written again: the only update there is, markSubmitted, matches drafts only. FerretDB 1.24's conditional
// updates are not atomic, so two people marking the same draft at once could both be told "submitted"; the
// audit then shows both, and the stored file is the same either way.
// The XML file sits apart (`return_files`, same _id): FerretDB decodes every document a {quarter} filter
// scans, projection or not, so the returns page would otherwise read every stored file of every quarter.
// The version is inserted first (it takes the number), then its file; a version stored before the split
// keeps its xml in place and is read as it is.
import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { ConflictError } from '../../domain/errors';
import type { ReturnSummary, ReturnVersion } from '../../domain/returns/return-version';
import type { ReturnRepository } from '../../ports/return-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

type Doc = Omit<ReturnVersion, 'id' | 'xml'> & { _id: string; xml?: string };
interface FileDoc { _id: string; xml: string }

const fromDoc = ({ _id, xml, ...rest }: Doc, file?: FileDoc | null): ReturnVersion => ({ id: _id, ...rest, xml: xml || file?.xml || '' });
const summaryOf = ({ _id, ...rest }: Omit<Doc, 'xml'>): ReturnSummary => ({ id: _id, ...rest });

export class MongoReturnRepository implements ReturnRepository {
  private readonly docs: Collection<Doc>;
  private readonly files: Collection<FileDoc>;

  constructor(conn: Connection) {
    this.docs = conn.collection<Doc>('returns') as unknown as Collection<Doc>;
    this.files = conn.collection<FileDoc>('return_files') as unknown as Collection<FileDoc>;
  }

  async init(): Promise<void> {
    await this.docs.createIndex({ quarter: 1 });
  }

  async insert(v: ReturnVersion): Promise<void> {
    const { id, xml, ...rest } = v;
    try {
      await this.docs.insertOne({ _id: id, ...rest });
    } catch (e) {
      if (isDuplicateKeyError(e)) throw new ConflictError(`Return version ${id} exists`, 'RETURN_VERSION_TAKEN');
      throw e;
    }
    await this.files.replaceOne({ _id: id }, { xml }, { upsert: true });
  }

  /** A quarter has a handful of versions; the files stay in the database. */
  async ofQuarter(quarter: string): Promise<ReturnSummary[]> {
    const docs = await this.docs.find({ quarter }, { projection: { xml: 0 } }).toArray();
    return docs.filter((d) => !(d as { erasedAt?: string }).erasedAt).map((d) => summaryOf(d as Doc)).sort((a, b) => b.version - a.version);
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
    const ids = (await this.docs.find({ status: 'draft', caseIds: caseId }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    if (!ids.length) return 0;
    const r = await this.docs.updateMany(
      { _id: { $in: ids }, status: 'draft' },
      { $set: { erasedAt: new Date().toISOString(), xml: '', problems: [], caseIds: [] } },
    );
    await this.files.deleteMany({ _id: { $in: ids } });
    return r.modifiedCount;
  }

  async get(id: string): Promise<ReturnVersion | undefined> {
    const doc = await this.docs.findOne({ _id: id });
    if (!doc || (doc as { erasedAt?: string }).erasedAt) return undefined;
    return fromDoc(doc as Doc, (doc as Doc).xml ? undefined : await this.files.findOne({ _id: id }));
  }
}
