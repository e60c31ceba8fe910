import type { NewUser, User } from '../domain/users/user';
import type { LockState } from '../domain/auth/lockout-policy';
import type { Page, PageRequest } from './repository.port';

export interface FailedAttempt extends LockState {
  /** This failure locked the account (it was not locked before). */
  locked: boolean;
}

/** What sign-in needs and nothing else reads: the hash never leaves the repository otherwise. */
export interface UserCredentials {
  user: User;
  passwordHash?: string;
  failedAttempts: number;
  lockedUntil?: string;
}

/** A partial update; `managerId: null` clears the manager, `unlock` clears a lockout. */
export interface UserPatch {
  displayName?: string;
  email?: string;
  roles?: string[];
  teams?: string[];
  managerId?: string | null;
  active?: boolean;
  passwordHash?: string;
  /** Set with a new password: ends the user's other sessions. */
  credentialsChangedAt?: Date;
  /** The administrator who set the password (User.passwordSetBy). */
  passwordSetBy?: string;
  unlock?: boolean;
}

export interface UserListQuery {
  /** Matches the start of the username or of any word of the display name, case-insensitive. */
  search?: string;
  role?: string;
  team?: string;
  active?: boolean;
}

export interface UserRepository {
  /** Rejects with ConflictError when the username or email is taken. */
  create(user: NewUser): Promise<User>;
  findByUsername(username: string): Promise<User | undefined>;
  findById(id: string): Promise<User | undefined>;
  count(): Promise<number>;
  findCredentials(username: string): Promise<UserCredentials | undefined>;
  /**
   * Counts one failed attempt and, when `lockUntil` says so for the new state, locks the account — as
   * one step per user (no concurrent failure is lost or locks twice). The state after it; undefined
   * when there is no such user.
   */
  recordFailedAttempt(id: string, lockUntil: (state: LockState) => Date | undefined): Promise<FailedAttempt | undefined>;
  /** Locks until the given time and starts counting failures afresh. */
  lock(id: string, until: Date): Promise<void>;
  /** A successful sign-in: resets failures and lock; stores a rehashed password when given. */
  recordSignIn(id: string, at: Date, newPasswordHash?: string): Promise<void>;
  /** Rejects with ConflictError on a taken email; undefined when there is no such user. */
  update(id: string, patch: UserPatch): Promise<User | undefined>;
  list(query: UserListQuery, page: PageRequest): Promise<Page<User>>;
}
