// A person who signs in. Roles are the candidate groups of domain.md; teams scope case visibility.
export const ROLES = [
  'case-managers',
  'team-managers',
  'court-officers',
  'victim-workers',
  'panel-coordinators',
  'health-workers',
  'data-officers',
  'dpo',
  'admins',
] as const;

export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string;
  /** Shipped roles (`Role`) or ones an admin configured in a permission version. */
  roles: string[];
  teams: string[];
  managerId?: string;
  active: boolean;
  createdAt: string;
  /** Set while the account refuses sign-in after repeated failures (ISO). */
  lockedUntil?: string;
  lastSignInAt?: string;
  /** When the password was last changed: sessions that began earlier are ended (ISO). */
  credentialsChangedAt?: string;
  /**
   * The administrator who last set this account's password on the users page. Kept when the holder changes it
   * later: whoever set it could have signed in as the holder and changed it themselves, so the two may not
   * approve each other's access to children's data (docs/permissions.md).
   */
  passwordSetBy?: string;
}

export type NewUser = Omit<User, 'id' | 'createdAt' | 'active' | 'lockedUntil' | 'lastSignInAt' | 'credentialsChangedAt' | 'passwordSetBy'> & { active?: boolean; passwordHash?: string };

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
