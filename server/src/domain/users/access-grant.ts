// Access to children's data that one administrator gave an account alone (docs/permissions.md, "Accounts an
// administrator makes or changes"): a new account whose roles reach it, roles or teams added to someone else's
// account, or a password an administrator set on such an account. Provisioning staff is an administrator's job
// and is not held for a second one, so instead every such act is shown to every administrator for a while —
// the other administrators are the check on a second account an administrator made for themselves. The audit
// log keeps the lasting record (user.created, user.updated).
export type AccessGrantKind = 'created' | 'changed' | 'password';

export interface AccessGrant {
  id: string;
  kind: AccessGrantKind;
  /** The account given access, and its name then. */
  userId: string;
  userName: string;
  /** The administrator who gave it, and their name then. */
  by: string;
  byName: string;
  at: string;
  /** What the account reaches because of it, in words ("View cases", "read Health", "the cases of North team"). */
  gained: string[];
}

/** How long a grant is shown to administrators. */
export const GRANT_SHOWN_DAYS = 30;

/** "Made the account", "Added roles or teams", "Set its password": what the administrator did, in words. */
export const GRANT_WORDS: Record<AccessGrantKind, string> = {
  created: 'Made the account',
  changed: 'Added roles or teams',
  password: 'Set its password',
};
