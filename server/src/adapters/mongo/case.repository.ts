// Cases and their append-only amendments. No transactions and no atomic conditional updates on FerretDB,
// so the amendment insert is the commit point: its _id is (case, section, seq) and only one writer can
// insert a given seq. The section on the case document is then set from it; if a crash left the case
// behind its amendments, the next writer's clash repairs the section from the newest amendment. Every
// update of a case document is serialised per case in this process (FerretDB rewrites the whole
// document on update, so concurrent updates of different sections would lose one of them).
import { Schema, type Connection, type Model } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { BasicRecordWriter, CaseRecordErasure } from '../../ports/case-erasure.port';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseRecord, SectionState } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import type { IdentityKeys } from '../../domain/cases/person-identity';
import type { CaseLabel, CaseRepository, DuplicateCandidate, SectionAppend } from '../../ports/case-repository.port';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import { CaseIdentityIndex, matchesKeys } from './case-identity-index';
import { isDuplicateKeyError, storedBeforeFailure, withMongoErrors } from './mongo-errors';

type CaseDoc = Omit<CaseRecord, 'id'> & { _id: string };
type AmendmentDoc = CaseAmendment & { _id: string; state: SectionState };

const caseSchema = new Schema<CaseDoc>(
  {
    _id: String, team: String, caseManagerId: String, status: String, pathway: String, createdAt: String, createdBy: String,
    identity: { nameKey: String, dateOfBirth: String, nhsNumber: String, displayName: String },
    sections: { type: Schema.Types.Mixed, default: {} },
    reduction: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: 'cases', versionKey: false, minimize: false },
);
caseSchema.index({ 'identity.nameKey': 1, 'identity.dateOfBirth': 1 });
caseSchema.index({ 'identity.nhsNumber': 1 });
caseSchema.index({ team: 1, status: 1 });

const amendmentSchema = new Schema<AmendmentDoc>(
  {
    _id: String, caseId: String, section: String, seq: Number, at: String, by: String,
    source: Schema.Types.Mixed, changes: Schema.Types.Mixed, after: Schema.Types.Mixed, state: Schema.Types.Mixed,
  },
  { collection: 'case_amendments', versionKey: false, minimize: false },
);
amendmentSchema.index({ caseId: 1, at: -1 });
amendmentSchema.index({ caseId: 1, section: 1, seq: -1 });
amendmentSchema.index({ caseId: 1, 'source.submissionId': 1 });

const MAX_LABELS_KEPT = 200_000;

/** More fields to read in the start-up scan, and what to do with each case read (another in-memory index). */
export interface ScanRider {
  fields: Record<string, 1>;
  each(doc: { _id: string } & Record<string, unknown>): void;
  /** Called once when every case was read (not when the scan stopped early or failed). */
  done(): void;
}
const amendmentId = (a: Pick<CaseAmendment, 'caseId' | 'section' | 'seq'>) => `${a.caseId}|${a.section}|${a.seq}`;
const toCase = ({ _id, ...rest }: CaseDoc): CaseRecord => ({ id: _id, ...rest, sections: rest.sections ?? {} });
const toAmendment = ({ _id: _i, state: _s, ...rest }: AmendmentDoc): CaseAmendment => rest;

export class MongoCaseRepository implements CaseRepository, CaseRecordErasure, BasicRecordWriter {
  readonly cases: Model<CaseDoc>;
  readonly amendments: Model<AmendmentDoc>;
  private readonly locks = new KeyedMutex();
  /** Team and child's name by case id, for the task projection and every queue page; only set when `cacheLabels`. */
  private readonly labels?: Map<string, CaseLabel>;
  /** Bumped by every write of a team or an identity: a label read that started before it is not kept. */
  private labelChanges = 0;
  /** The duplicate check's keys of every case (sole server only). */
  private readonly identities?: CaseIdentityIndex;
  /** Cases written while the start-up scan runs: the scan's older copy of them is not kept. */
  private writtenDuringScan?: Set<string>;
  /** Told the id of each case after every write to it, whatever the outcome (the cases list's index). */
  private readonly changeListeners: ((caseId: string) => void)[] = [];

  onCaseChanged(listener: (caseId: string) => void): void {
    this.changeListeners.push(listener);
  }

  private notifyChanged(id: string): void {
    for (const listener of this.changeListeners) listener(id);
  }

  /**
   * `cacheLabels`: this process is the one server on its database, so its own writes are the only changes to
   * labels and identities; it keeps both in memory (warmUp() loads them at start).
   */
  constructor(conn: Connection, opts: { cacheLabels?: boolean } = {}) {
    this.cases = (conn.models.CaseRecord as Model<CaseDoc>) ?? conn.model<CaseDoc>('CaseRecord', caseSchema);
    this.amendments = (conn.models.CaseAmendment as Model<AmendmentDoc>) ?? conn.model<AmendmentDoc>('CaseAmendment', amendmentSchema);
    if (opts.cacheLabels) {
      this.labels = new Map();
      this.identities = new CaseIdentityIndex();
    }
  }

  /** The team owning a case (undefined for an unknown case); a read of the case at most once. */
  async teamOf(id: string): Promise<string | undefined> {
    return (await this.label(String(id)))?.team;
  }

  /** Labels of a queue page's cases: kept ones from memory, the rest one indexed `_id` lookup each (FerretDB
   * pushes only an exact {_id} filter down; an $in would decode every case on every queue request). */
  async labelsOf(ids: readonly string[]): Promise<CaseLabel[]> {
    const labels = await Promise.all([...new Set(ids.map(String))].map((k) => this.label(k)));
    return labels.filter((l): l is CaseLabel => l !== undefined);
  }

  /**
   * One scan of every case at start (in the background: until it ends, labels are read on demand and the
   * duplicate check asks the database). Keeps each case's label, so a queue page after a restart reads no
   * case (cold, 25 rows cost ~25 ms), and the duplicate check's keys. One scan of 20,000 cases took 2.7 s
   * here; one `_id` lookup per case took 11.6 s. Stops early when `stop()` returns true. Returns the cases read.
   * `also` rides on the same scan (the cases list's rows), so a start reads every case once, not once per index.
   */
  async warmUp(stop: () => boolean = () => false, also?: ScanRider): Promise<number> {
    if (!this.labels || !this.identities) return 0;
    this.writtenDuringScan = new Set();
    let read = 0;
    try {
      const projection = { ...also?.fields, team: 1, identity: 1 };
      const cursor = this.cases.find({}, projection).lean<Pick<CaseDoc, '_id' | 'team' | 'identity'>>().cursor();
      for await (const d of cursor) {
        if (stop()) {
          await cursor.close();
          return read;
        }
        read++;
        also?.each(d);
        if (this.writtenDuringScan.has(d._id)) continue;
        this.identities.put(d._id, d.identity);
        if (!this.labels.has(d._id) && this.labels.size < MAX_LABELS_KEPT) this.labels.set(d._id, { id: d._id, team: d.team, displayName: d.identity?.displayName ?? '' });
      }
      this.identities.loaded = true;
      also?.done();
      return read;
    } finally {
      this.writtenDuringScan = undefined;
    }
  }

  private async label(id: string): Promise<CaseLabel | undefined> {
    const kept = this.labels?.get(id);
    if (kept) return kept;
    const changes = this.labelChanges;
    const d = await this.cases.findById(id, { team: 1, 'identity.displayName': 1 }).lean<Pick<CaseDoc, '_id' | 'team' | 'identity'>>();
    if (!d) return undefined;
    const label = { id: d._id, team: d.team, displayName: d.identity?.displayName ?? '' };
    if (this.labels && changes === this.labelChanges) {
      this.labels.set(id, label);
      if (this.labels.size > MAX_LABELS_KEPT) this.labels.delete(this.labels.keys().next().value!);
    }
    return label;
  }

  /** Under the case's lock. A new identity renames the kept label (its team is unchanged): the next queue
   * projection of this case needs no read; if the write's outcome is unknown the label is forgotten. */
  private async writeSections(caseId: string, set: Record<string, unknown>, identity?: CaseRecord['identity']): Promise<void> {
    if (!identity) return void (await this.cases.updateOne({ _id: caseId }, { $set: set }));
    const kept = this.labels?.get(caseId);
    this.forgetLabel(caseId);
    this.identities?.put(caseId, identity); // before the write: a duplicate check meanwhile must see the new keys
    try {
      await this.cases.updateOne({ _id: caseId }, { $set: set });
    } catch (e) {
      await this.reindexIdentity(caseId); // written or not: the index follows what is stored
      throw e;
    }
    this.forgetLabel(caseId); // again: a read that began during the write may hold the old name
    if (kept && this.labels) this.labels.set(caseId, { ...kept, displayName: identity.displayName ?? '' });
  }

  /** A new normalisation rule's key (rekey-person-names.ts), unless a writer stored another since it was read. */
  async rekeyName(caseId: string, from: string, to: string): Promise<boolean> {
    return this.locks.run(caseId, async () => {
      const r = await this.cases.updateOne({ _id: caseId, 'identity.nameKey': from }, { $set: { 'identity.nameKey': to } });
      this.writtenDuringScan?.add(caseId);
      await this.reindexIdentity(caseId);
      return r.modifiedCount === 1;
    });
  }

  private async reindexIdentity(id: string): Promise<void> {
    if (!this.identities) return;
    const stored = await this.cases.findById(id, { identity: 1 }).lean<Pick<CaseDoc, 'identity'>>().catch(() => undefined);
    if (stored) this.identities.put(id, stored.identity);
    else if (stored === null) this.identities.remove(id);
    // unreadable (the database is failing): left as it is until the next start's scan
  }

  private forgetLabel(id: string): void {
    this.notifyChanged(id);
    this.writtenDuringScan?.add(id);
    this.labelChanges++;
    this.labels?.delete(id);
  }

  async init(): Promise<void> {
    await Promise.all([this.cases.init(), this.amendments.init()]);
  }

  async create(record: CaseRecord, amendments: CaseAmendment[]): Promise<void> {
    const { id, ...rest } = record;
    this.forgetLabel(id);
    this.identities?.put(id, record.identity); // before the insert: a duplicate check at that moment must see it
    try {
      await withMongoErrors('case', () => this.cases.create({ _id: id, ...rest }));
    } catch (e) {
      await this.reindexIdentity(id); // not created, or not known to be: the index follows what is stored
      this.notifyChanged(id);
      throw e;
    }
    this.notifyChanged(id);
    await this.amendments.insertMany(amendments.map((a) => ({ _id: amendmentId(a), ...a, state: record.sections[a.section] })));
  }

  async findById(id: string): Promise<CaseRecord | undefined> {
    const d = await this.cases.findById(String(id)).lean<CaseDoc>();
    return d ? toCase(d) : undefined;
  }

  async findByIdentity(keys: IdentityKeys, limit: number): Promise<DuplicateCandidate[]> {
    let docs: CaseDoc[];
    if (this.identities?.loaded) {
      const found = await Promise.all(this.identities.candidates(keys).map((id) => this.cases.findById(id, { sections: 0 }).lean<CaseDoc>()));
      docs = found.filter((d): d is CaseDoc => !!d && matchesKeys(d.identity, keys)).slice(0, limit);
    } else {
      const or: Record<string, unknown>[] = [{ 'identity.nameKey': String(keys.nameKey), 'identity.dateOfBirth': String(keys.dateOfBirth) }];
      if (keys.nhsNumber) or.push({ 'identity.nhsNumber': String(keys.nhsNumber) });
      docs = await this.cases.find({ $or: or }, { sections: 0 }).limit(limit).lean<CaseDoc[]>();
    }
    return docs.map((d) => ({
      id: d._id, displayName: d.identity.displayName, dateOfBirth: d.identity.dateOfBirth, team: d.team, status: d.status,
      nameKey: d.identity.nameKey, ...(d.identity.nhsNumber ? { nhsNumber: d.identity.nhsNumber } : {}),
      ...(d.caseManagerId ? { caseManagerId: d.caseManagerId } : {}), ...(d.pathway ? { pathway: d.pathway } : {}),
    }));
  }

  async appendAmendment(a: CaseAmendment, next: SectionState, identity?: CaseRecord['identity']): Promise<void> {
    if (!(await this.appendAmendments([{ amendment: a, next, ...(identity ? { identity } : {}) }]))) {
      throw new ConflictError('This section was changed by someone else a moment ago', 'SECTION_CHANGED');
    }
  }

  /** Locked per case, not per section: FerretDB applies `$set: {sections.x}` by rewriting the whole document,
   * so two sections written at once could each undo the other (a lost update). */
  appendAmendments(writes: SectionAppend[]): Promise<number> {
    if (!writes.length) return Promise.resolve(0);
    const caseId = writes[0].amendment.caseId;
    return this.locks.run(caseId, async () => {
      let applied = writes.length;
      try {
        await this.amendments.insertMany(writes.map((w) => ({ _id: amendmentId(w.amendment), ...w.amendment, state: w.next })), { ordered: true });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
        applied = storedBeforeFailure(e);
      }
      const set: Record<string, unknown> = {};
      for (const w of writes.slice(0, applied)) {
        set[`sections.${w.amendment.section}`] = w.next;
        if (w.identity) set.identity = w.identity;
      }
      if (applied > 0) await this.writeSections(caseId, set, set.identity as CaseRecord['identity'] | undefined);
      if (applied < writes.length) await this.repairSectionLocked(caseId, writes[applied].amendment.section);
      return applied;
    }).finally(() => this.notifyChanged(caseId));
  }

  repairSection(caseId: string, section: CaseSection): Promise<void> {
    return this.locks.run(String(caseId), () => this.repairSectionLocked(String(caseId), section));
  }

  /** Brings the case's section up to its newest amendment (after a crash between the two writes). */
  private async repairSectionLocked(caseId: string, section: CaseSection): Promise<void> {
    const latest = await this.amendments.findOne({ caseId, section }).sort({ seq: -1 }).lean<AmendmentDoc>();
    const current = await this.findById(caseId);
    if (latest && current && (current.sections[section]?.revision ?? 0) < latest.seq) {
      await this.cases.updateOne({ _id: caseId }, { $set: { [`sections.${section}`]: latest.state } });
      this.notifyChanged(caseId);
    }
  }

  async listAmendments(caseId: string, sections: readonly CaseSection[], page: { offset: number; limit: number }): Promise<CaseAmendment[]> {
    const docs = await this.amendments
      .find({ caseId: String(caseId), section: { $in: [...sections] } }, { state: 0 })
      .sort({ at: -1, seq: -1 }).skip(page.offset).limit(page.limit).lean<AmendmentDoc[]>();
    return docs.map(toAmendment);
  }

  async amendmentsOfSubmission(caseId: string, submissionId: string): Promise<CaseAmendment[]> {
    const docs = await this.amendments.find({ caseId: String(caseId), 'source.submissionId': String(submissionId) }, { state: 0 }).lean<AmendmentDoc[]>();
    return docs.map(toAmendment);
  }

  async setOwnership(id: string, change: { team?: string; caseManagerId?: string; pathway?: string; status?: CaseRecord['status'] }): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    try {
      if (Object.keys(set).length) await this.locks.run(String(id), () => this.cases.updateOne({ _id: String(id) }, { $set: set }));
    } finally {
      this.forgetLabel(String(id));
    }
  }

  /** Case erasure: the history first, the record last (a rerun finds the case while any of it is left). */
  async eraseCase(caseId: string): Promise<void> {
    const id = String(caseId);
    await this.locks.run(id, async () => {
      await this.amendments.deleteMany({ caseId: id });
      await this.cases.deleteOne({ _id: id });
    });
    this.identities?.remove(id);
    this.writtenDuringScan?.add(id); // a start-up scan that read it before the delete does not keep it
    this.forgetLabel(id);
  }

  /** Reduction to a basic record: the history first (a rerun still finds the whole record), then the record. */
  async reduceToBasicRecord(caseId: string, basic: CaseRecord): Promise<void> {
    const id = String(caseId);
    const { id: _id, ...doc } = basic;
    await this.locks.run(id, async () => {
      await this.amendments.deleteMany({ caseId: id });
      await this.cases.collection.replaceOne({ _id: id } as never, doc as never);
    });
    this.identities?.put(id, basic.identity);
    this.writtenDuringScan?.add(id);
    this.forgetLabel(id);
  }
}
