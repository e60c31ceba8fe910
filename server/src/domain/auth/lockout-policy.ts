// Account lockout: after MAX consecutive failed sign-ins the account refuses every password, the right
// one included, until the lock expires (or an administrator unlocks it). A success resets the count.
export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export interface LockState {
  failedAttempts: number;
  lockedUntil?: string; // ISO
}

export const isLocked = (state: LockState, now: Date): boolean =>
  !!state.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();

/** Whether this count of consecutive failures locks the account. */
export const reachesLock = (failedAttempts: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): boolean =>
  failedAttempts >= policy.maxFailures;

/**
 * After a failure has been counted: the time to lock until, or undefined. Every maxFailures-th
 * consecutive failure locks (5, 10, 15 …), so after a lock expires there are again maxFailures tries;
 * failures counted while already locked (guesses that raced past the lock check) never lock again.
 */
export function lockAfterFailure(state: LockState, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): Date | undefined {
  if (isLocked(state, now) || !reachesLock(state.failedAttempts, policy) || state.failedAttempts % policy.maxFailures !== 0) return undefined;
  return lockExpiry(now, policy);
}

export const lockExpiry = (now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): Date =>
  new Date(now.getTime() + policy.lockMinutes * 60_000);
