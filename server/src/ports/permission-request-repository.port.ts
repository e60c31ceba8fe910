import type { PermissionChangeRequest, PermissionDecision } from '../domain/permissions/permission-request';

/** Permission changes awaiting (or given) a second administrator's approval (domain/permissions/permission-request.ts). */
export interface PermissionRequestRepository {
  /**
   * Stores a new awaiting request; ConflictError PERMISSION_CHANGE_AWAITING when another one awaits
   * (ACCOUNT_CHANGE_AWAITING when one awaits for the same account).
   */
  create(request: PermissionChangeRequest): Promise<void>;
  /** The request awaiting a decision, if any. */
  awaiting(): Promise<PermissionChangeRequest | undefined>;
  /** Changes to administrators' own accounts, and new service accounts, awaiting a decision (one at most per account). */
  awaitingAccountChanges(): Promise<PermissionChangeRequest[]>;
  /** The request asked for last, awaiting or decided (the permissions page says what became of it). */
  latest(): Promise<PermissionChangeRequest | undefined>;
  get(id: string): Promise<PermissionChangeRequest | undefined>;
  setInstance(id: string, instanceKey: string): Promise<void>;
  /** Records the decision of an awaiting request; false when it was decided already. */
  decide(id: string, decision: PermissionDecision): Promise<boolean>;
}
