// The permission table the policy functions answer from. It starts as the shipped table and is replaced
// by the version in force when the permissions module loads one from the database (application/permissions/
// permission-table-cache.ts). One process runs one system, so one holder per process is enough; the
// functions in policies.ts stay synchronous because dozens of call sites ask them per request.
import { PERMISSIONS, type RolePolicy } from './permission-table';

/** Role name → what the role may do. Roles are strings here: a version may add roles the code never named. */
export type PermissionRows = Readonly<Record<string, RolePolicy>>;

let inForce: PermissionRows = PERMISSIONS;

export const tableInForce = (): PermissionRows => inForce;

/** Called by the permissions cache only; anything else that swaps the table would bypass the safety rails. */
export function putTableInForce(rows: PermissionRows): void {
  inForce = rows;
}

/** Whether a role is named in the table in force (the shipped roles always are, in the shipped table). */
export const isRoleInForce = (role: string): boolean => Object.hasOwn(inForce, role);
