// A version of the permission table: who may do what (actions) and which case sections each role may read
// and write. Versions are immutable and numbered; version 1 is the shipped table (domain/policies/
// permission-table.ts), loaded the first time anything is read, so the code's table is the default.
import { PERMISSIONS } from '../policies/permission-table';
import { EMPTY_CONFIG, type PermissionConfig, type PermissionRows, type SectionDefinition } from '../policies/table-in-force';

export interface PermissionVersion {
  version: number;
  rows: PermissionRows;
  /** Case sections this version adds to the shipped ones (none in version 1). */
  sections?: readonly SectionDefinition[];
  /** Names for roles this version adds (or renames), by key. */
  roleLabels?: Readonly<Record<string, string>>;
  createdAt: string;
  /** A user id, or "system" for the shipped version. */
  createdBy: string;
  reason: string;
  /** A change that widened its author's own reach into children's data: the administrator who approved it. */
  approvedBy?: string;
  /** The approval request it came from (permission-request.ts), so applying a decision twice is noticed. */
  requestId?: string;
}

export type PermissionVersionSummary = Omit<PermissionVersion, 'rows' | 'sections' | 'roleLabels'>;

/** What the version configures besides the table, with nothing added for a version that adds nothing. */
export const configOf = (v: Pick<PermissionVersion, 'sections' | 'roleLabels'>): PermissionConfig =>
  ({ sections: v.sections ?? EMPTY_CONFIG.sections, roleLabels: v.roleLabels ?? EMPTY_CONFIG.roleLabels });

export const SHIPPED_REASON = 'The shipped permission table (server/src/domain/policies/permission-table.ts)';

export function shippedVersion(at: Date): PermissionVersion {
  return { version: 1, rows: PERMISSIONS, createdAt: at.toISOString(), createdBy: 'system', reason: SHIPPED_REASON };
}

/** Role names a version may use: lower-case words joined by hyphens, as the shipped ones are. */
export const ROLE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Rows in a stable order (shipped roles first, then new ones by name) so versions compare and display alike. */
export function orderedRoles(rows: PermissionRows): string[] {
  const shipped = Object.keys(PERMISSIONS);
  const added = Object.keys(rows).filter((r) => !shipped.includes(r)).sort();
  return [...shipped.filter((r) => Object.hasOwn(rows, r)), ...added];
}
