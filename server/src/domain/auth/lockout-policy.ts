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

export const lockExpiry = (now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): Date =>
  new Date(now.getTime() + policy.lockMinutes * 60_000);

/** Shown to the person signing in: when they can try again, as a wall-clock time in UTC. */
export function lockedMessage(lockedUntil: string): string {
  const t = new Date(lockedUntil).toISOString().slice(11, 16);
  return `This account is locked after too many failed sign-ins. Try again after ${t} UTC, or ask an administrator to unlock it.`;
}
