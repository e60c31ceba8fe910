// The permission configuration the policy functions answer from: the table (role → actions, sections read
// and written), the case sections added by configuration, and the words for roles the code never named. It
// starts as the shipped table and is replaced by the version in force when the permissions module loads one
// from the database (application/permissions/permission-table-cache.ts). One process runs one system, so one
// holder per process is enough; the functions in policies.ts stay synchronous because dozens of call sites
// ask them per request.
import { PERMISSIONS, type RolePolicy } from './permission-table';

/** Role name → what the role may do. Roles are strings here: a version may add roles the code never named. */
export type PermissionRows = Readonly<Record<string, RolePolicy>>;

/** A case section (tab) added by configuration, after the shipped ones: restricted to the roles given it. */
export interface SectionDefinition {
  key: string;
  /** The tab's name, as people read it ("Speech and language"). */
  label: string;
  /** What belongs there, for admins choosing who may read it and for form designers. */
  description: string;
}

/** What a permission version configures besides the table. */
export interface PermissionConfig {
  sections: readonly SectionDefinition[];
  /** Role key → its name for people; shipped roles have theirs in domain/users/role-labels.ts. */
  roleLabels: Readonly<Record<string, string>>;
}

export const EMPTY_CONFIG: PermissionConfig = { sections: [], roleLabels: {} };

let inForce: PermissionRows = PERMISSIONS;
let config: PermissionConfig = EMPTY_CONFIG;

export const tableInForce = (): PermissionRows => inForce;
export const configInForce = (): PermissionConfig => config;

/** Called by the permissions cache only; anything else that swaps the table would bypass the safety rails. */
export function putTableInForce(rows: PermissionRows, next: PermissionConfig = EMPTY_CONFIG): void {
  inForce = rows;
  config = next;
}

/** Whether a role is named in the table in force (the shipped roles always are, in the shipped table). */
export const isRoleInForce = (role: string): boolean => Object.hasOwn(inForce, role);

/** Every role of the table in force: the candidate groups a process may name and a user may hold. */
export const rolesInForce = (): string[] => Object.keys(inForce);
