// Where a subject access request's gathered snapshot is kept. Every read is by the request's key (the
// snapshot's head) and then the head's chunks by their own ids: a view costs the same however many cases the
// service holds. Only erasure looks across snapshots (the heads naming a case), and heads are small.
import type { SarSnapshot, SnapshotItem } from '../domain/sar/sar-snapshot';

export type SnapshotHead = Omit<SarSnapshot, 'chunks'>;

export interface SarSnapshotStore {
  head(key: string): Promise<SarSnapshot | undefined>;
  /** The snapshot's items in gathered order, a chunk at a time. */
  items(snapshot: SarSnapshot): AsyncIterable<SnapshotItem>;
  /**
   * Stores a whole snapshot: the new generation's items first, then the head — asked for once the items are
   * written, so it can count them — in one write (a reader sees the old snapshot or the new one, never
   * half), then the previous generation's items are deleted.
   */
  save(ref: Pick<SnapshotHead, 'key' | 'generation'>, items: AsyncIterable<SnapshotItem> | Iterable<SnapshotItem>, head: () => SnapshotHead): Promise<SarSnapshot>;
  /** Changes the head only (frozen). */
  updateHead(snapshot: SarSnapshot): Promise<void>;
  /** Heads whose items came from this case. */
  headsNamingCase(caseId: string): Promise<SarSnapshot[]>;
}
