// The cases list's rows of every case, in memory on the sole server. FerretDB 1.24 decodes every document
// of any filtered read, so a search by name over 20,000 cases would read them all on every request; here it
// reads them once (on the first search) and then only the cases written since — the case repository names
// each case after every write to it (onCaseChanged), and the next search re-reads those by `_id`.
// With several servers on one MongoDB (`keep: false`) no process sees every write, so each search scans.
import type { Model } from 'mongoose';
import { ALIAS_FIELDS, DISPOSAL_COLLECTIONS, RATING_FIELDS, searchRowOf, type CaseSearchRow, type CaseSearchSource } from '../../domain/cases/case-search-row';
import type { CaseSearchIndex } from '../../ports/case-search.port';
import type { ScanRider } from './case.repository';

/** Only the fields a row is made of: a case's other values (notes, rationales, plans) stay in the database. */
const PROJECTION: Record<string, 1> = Object.fromEntries([
  'team', 'status', 'pathway', 'caseManagerId', 'createdAt', 'identity',
  ...['givenName', 'familyName', ...ALIAS_FIELDS].map((k) => `sections.personal.values.${k}`),
  ...RATING_FIELDS.flatMap((k) => [`sections.assessments.values.${k}`, `sections.assessments.collections.assessments.values.${k}`]),
  ...DISPOSAL_COLLECTIONS.map((c) => `sections.offending.collections.${c}.values.type`),
].map((path) => [path, 1]));

type Doc = Omit<CaseSearchSource, 'id'> & { _id: string };
const rowOf = ({ _id, ...d }: Doc): CaseSearchRow => searchRowOf({ id: String(_id), ...d });

export interface CaseChangeFeed {
  onCaseChanged(listener: (caseId: string) => void): void;
}

export class MongoCaseSearchIndex implements CaseSearchIndex {
  private kept?: Map<string, CaseSearchRow>;
  private snapshot?: readonly CaseSearchRow[];
  private loading?: Promise<void>;
  private refreshing?: Promise<void>;
  /** Cases written since their row was read, with the number of their latest write. */
  private readonly dirty = new Map<string, number>();
  /** The number of each case's latest write while a re-read of it may be in flight. */
  private readonly latest = new Map<string, number>();
  private writes = 0;

  constructor(private readonly cases: Model<unknown>, feed: CaseChangeFeed, private readonly opts: { keep: boolean }) {
    feed.onCaseChanged((id) => {
      this.writes++;
      this.dirty.set(String(id), this.writes);
      this.latest.set(String(id), this.writes);
      this.snapshot = undefined;
    });
  }

  async rows(scope?: { teams: readonly string[] }): Promise<readonly CaseSearchRow[]> {
    if (!this.opts.keep) return (await this.scan(scope)).map(rowOf);
    const kept = await this.current();
    return (this.snapshot ??= [...kept.values()]);
  }

  /** Loads the rows in the background (at start), so that the first search or dashboard does not wait. */
  async warmUp(): Promise<void> {
    if (this.opts.keep) await this.current();
  }

  /**
   * Rows read by the case repository's start-up scan (tasks.module.ts), so a start reads every case once, not
   * once per index. Cases written during that scan were marked dirty by the feed, so the next search re-reads
   * them; a search that started its own load first keeps it.
   */
  startUpRider(): ScanRider | undefined {
    if (!this.opts.keep) return undefined;
    const rows = new Map<string, CaseSearchRow>();
    return {
      fields: PROJECTION,
      each: (d) => void rows.set(String(d._id), rowOf(d as unknown as Doc)),
      done: () => {
        if (this.kept || this.loading) return;
        this.kept = rows;
        this.snapshot = undefined;
      },
    };
  }

  async rowsOf(ids: readonly string[]): Promise<CaseSearchRow[]> {
    const unique = [...new Set(ids.map(String))];
    if (this.opts.keep && this.kept) {
      const kept = await this.current();
      return unique.flatMap((id) => kept.get(id) ?? []);
    }
    const docs = await Promise.all(unique.map((id) => this.readOne(id)));
    return docs.flatMap((d) => (d ? [rowOf(d)] : []));
  }

  /** With MongoDB the {team, status} index answers a team-scoped read; FerretDB decodes every case either way. */
  private scan(scope?: { teams: readonly string[] }): Promise<Doc[]> {
    const filter = scope ? { team: { $in: scope.teams.map(String) } } : {};
    return this.cases.find(filter, PROJECTION).lean<Doc[]>().exec();
  }

  private readOne(id: string): Promise<Doc | null> {
    return this.cases.findById(id, PROJECTION).lean<Doc>().exec();
  }

  /** Loaded once, then brought up to date with the cases written since. */
  private async current(): Promise<Map<string, CaseSearchRow>> {
    if (!this.kept) {
      this.loading ??= this.scan().then(
        (docs) => { this.kept = new Map(docs.map((d) => [String(d._id), rowOf(d)])); },
        (e) => { this.loading = undefined; throw e; },
      );
      await this.loading;
    }
    // One re-read at a time, and every caller waits for the one in flight: a search that starts after a
    // write was acknowledged must see it, even when another search took that case's re-read.
    while (this.refreshing) await this.refreshing.catch(() => undefined);
    if (this.dirty.size) {
      this.refreshing = this.refresh(this.kept!).finally(() => { this.refreshing = undefined; });
      await this.refreshing;
    }
    return this.kept!;
  }

  private async refresh(kept: Map<string, CaseSearchRow>): Promise<void> {
    const stale = [...this.dirty];
    for (const [id] of stale) this.dirty.delete(id);
    try {
      await Promise.all(stale.map(async ([id, write]) => {
        const doc = await this.readOne(id);
        // Written again while this read ran: this read may predate that write, and the next refresh reads it.
        if (this.latest.get(id) !== write) return;
        this.latest.delete(id);
        if (doc) kept.set(id, rowOf(doc));
        else kept.delete(id);
      }));
    } catch (e) {
      for (const [id, write] of stale) if (!this.dirty.has(id) && this.latest.get(id) === write) this.dirty.set(id, write); // read again next time
      throw e;
    } finally {
      this.snapshot = undefined;
    }
  }
}
