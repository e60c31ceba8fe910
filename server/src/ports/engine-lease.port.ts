// Where the embedded engine's lease is kept (TOPOLOGY=shared): one record per epoch, so taking the lease is
// an insert of a new id, which is atomic on MongoDB and on FerretDB 1.24 alike. A conditional update is not
// (on FerretDB two of three racing conditional updates both matched), so no step of the lease relies on one.

/** One epoch of the engine lease: who holds it, how to reach them, until when (by the holder's clock). */
export interface LeaseRecord {
  /** Counts owners from 1; a newer epoch fences every older one (the fencing token). */
  epoch: number;
  /** The holding process: random per process start, so a restarted server is a new holder. */
  holder: string;
  /** Where the other servers send engine commands (INTERNAL_URL). */
  address: string;
  acquiredAt: Date;
  expiresAt: Date;
}

export interface EngineLeaseStore {
  /** The newest epoch's record, if any lease was ever taken. */
  latest(): Promise<LeaseRecord | undefined>;
  /** Inserts the record under its epoch; false when that epoch was already taken (another server won). */
  claim(record: LeaseRecord): Promise<boolean>;
  /** Whether an epoch exists (a newer one means this holder lost the lease). */
  exists(epoch: number): Promise<boolean>;
  /** Moves the holder's own epoch's expiry (only the holder writes its epoch, so no race on it). */
  extend(epoch: number, expiresAt: Date): Promise<void>;
  /** Forgets epochs older than the given one (keeps the collection to a few rows). */
  prune(below: number): Promise<void>;
}
