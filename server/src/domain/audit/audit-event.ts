// An audit event: who did what to which record, which case sections, from where and why. Events are
// append-only and hash-chained: each carries the hash of the one before, so a changed or deleted
// event breaks every hash after it (DPA 2018 s62 logging; the PIA's "any breach or misuse can be
// fully tracked").
export interface AuditActor {
  /** User id, or the attempted username for a failed sign-in by an unknown name. */
  id: string;
  username?: string;
  roles?: string[];
}

export interface AuditEventInput {
  actor: AuditActor;
  /** Dotted verb, e.g. auth.sign-in, auth.sign-in-failed, case.read, case.write, user.updated. */
  action: string;
  recordType?: string;
  recordId?: string;
  /** Case sections returned (reads) or changed (writes); withheld ones may be noted in `after`. */
  sections?: string[];
  /** Short summaries, never whole records or secrets: enough to see what changed. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  ip?: string;
  /** Why the user did it, where they had to say (break-glass, SAR, reassign). */
  reason?: string;
  /** Set for "break glass" and similar events managers must notice. */
  flagged?: boolean;
  /**
   * Names an event that a retried step records again (e.g. `<submissionId>:task.complete`): the log stores
   * one event per key, ever, so a step re-run after a crash writes what is missing and nothing twice.
   */
  key?: string;
  /**
   * The case whose personal values the details hold (set by the log from recordType/recordId or
   * after.caseId when not given): its details are stored only as `sealed`, under that case's key.
   */
  caseId?: string;
  /** before/after/reason as AES-256-GCM ciphertext under the case's key (the chain hashes this). */
  sealed?: SealedDetails;
}

export interface SealedDetails {
  /** base64 of the 12-byte nonce, the 16-byte authentication tag, and the ciphertext. */
  iv: string;
  tag: string;
  data: string;
  /**
   * Which of the case's keys sealed it. A case's key is replaced when the case is reduced to a basic record
   * (the details of its fuller past go, its later events get a new key); absent on events sealed before keys
   * had ids, which match a key without one.
   */
  kid?: string;
}

export interface AuditEvent extends AuditEventInput {
  /** Set when read: the case was erased, its key destroyed, so this event's details can no longer be read. */
  detailsErased?: boolean;
  seq: number;
  at: string; // ISO instant
  prevHash: string;
  hash: string;
}

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainProblemKind = 'changed' | 'missing' | 'broken-link' | 'truncated';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The sequence number of the first event that does not check out (or that is missing). */
  seq: number;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastSeq: number;
  lastHash: string;
  problem?: ChainProblem;
}
