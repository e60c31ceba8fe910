import type { AccessGrant } from '../domain/users/access-grant';

/** Access to children's data given by one administrator, kept while it is shown (domain/users/access-grant.ts). */
export interface AccessGrantLog {
  record(grant: AccessGrant): Promise<void>;
  /** Grants made at or after `since` (ISO), newest first. */
  since(since: string): Promise<AccessGrant[]>;
}
