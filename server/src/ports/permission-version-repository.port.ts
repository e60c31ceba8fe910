import type { PermissionVersion, PermissionVersionSummary } from '../domain/permissions/permission-version';

/**
 * Versioned permission tables (docs/permissions.md). Versions are immutable and append-only; the one in
 * force is the highest. Version 1 is the shipped table, stored the first time anything is read.
 */
export interface PermissionVersionRepository {
  current(): Promise<PermissionVersion>;
  /** The number of the version in force: one read by `_id`, cheap enough to ask every few seconds. */
  versionInForce(): Promise<number>;
  getVersion(version: number): Promise<PermissionVersion | undefined>;
  /** Newest first. */
  history(): Promise<PermissionVersionSummary[]>;
  /** Stores `next`; throws ConflictError when another save took that version number first. */
  append(next: PermissionVersion): Promise<void>;
}
