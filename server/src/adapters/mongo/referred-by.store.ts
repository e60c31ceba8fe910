// The stored cases for refile-referred-by.ts: which still hold "Referred by" under Personal, and the
// `schema_versions` document saying none are left (one document per stored format a rule makes).
import type { Connection } from 'mongoose';
import type { ReferredByStore } from '../../ports/referred-by-store.port';
import type { SectionAppend } from '../../ports/case-repository.port';
import type { MongoCaseRepository } from './case.repository';
import { SchemaVersions } from './schema-versions';

const FORMAT = 'referred-by-section';
/** 2: "Referred by" under the intake form's section (1: under Personal, as the referral page filed it). */
const VERSION = 2;

export class MongoReferredByStore implements ReferredByStore {
  private readonly versions: SchemaVersions;

  constructor(conn: Connection, private readonly caseRepo: MongoCaseRepository) {
    this.versions = new SchemaVersions(conn);
  }

  async done(): Promise<boolean> {
    return (await this.versions.of(FORMAT)) >= VERSION;
  }

  async recordDone(at: string): Promise<void> {
    await this.versions.record(FORMAT, VERSION, at);
  }

  async *casesToRefile(): AsyncIterable<string> {
    // One scan at the one start that needs it (FerretDB decodes every document for any filter but _id).
    const cursor = this.caseRepo.cases.find({ 'sections.personal.values.referralSource': { $exists: true } }, { _id: 1 }).lean<{ _id: string }>().cursor();
    for await (const d of cursor as AsyncIterable<{ _id: string }>) yield d._id;
  }

  findById(id: string) {
    return this.caseRepo.findById(id);
  }

  appendAmendments(writes: SectionAppend[]): Promise<number> {
    return this.caseRepo.appendAmendments(writes);
  }
}
