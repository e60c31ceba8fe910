// A signed-in person changes their own password (demo accounts start with a documented one). The
// current password is required, so a session left open on a shared PC cannot be turned into a
// permanent takeover; failures count towards the lockout like failed sign-ins.
import { DEFAULT_LOCKOUT, lockAfterFailure, type LockoutPolicy } from '../../domain/auth/lockout-policy';
import { passwordProblems } from '../../domain/auth/password-rules';
import { UnauthenticatedError, ValidationError, type FieldErrors } from '../../domain/errors';
import type { User } from '../../domain/users/user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { PasswordHasher } from '../../ports/password-hasher.port';
import type { UserRepository } from '../../ports/user-repository.port';

export interface ChangePasswordDeps {
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
  clock: Clock;
  lockout?: LockoutPolicy;
}

export async function changePassword(deps: ChangePasswordDeps, user: User, input: Record<string, unknown>, ip?: string): Promise<void> {
  const errors: FieldErrors = {};
  if (typeof input.currentPassword !== 'string' || !input.currentPassword) errors.currentPassword = 'Enter your current password';
  const problems = passwordProblems(input.newPassword, user);
  if (problems.length) errors.newPassword = problems.join('. ');
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'Choose a password different from the current one';
  if (Object.keys(errors).length) throw new ValidationError('The password was not changed', errors);

  const creds = await deps.users.findCredentials(user.username);
  const actor = { id: user.id, username: user.username, roles: [...user.roles] };
  if (!creds?.passwordHash || !(await deps.hasher.verify(creds.passwordHash, input.currentPassword as string))) {
    const now = deps.clock.now();
    const after = await deps.users.recordFailedAttempt(user.id, (state) => lockAfterFailure(state, now, deps.lockout ?? DEFAULT_LOCKOUT));
    await deps.audit.record({ actor, action: 'auth.password-change-failed', recordType: 'user', recordId: user.id, ip, after: { failedAttempts: after?.failedAttempts } });
    if (after?.locked) {
      await deps.audit.record({ actor, action: 'auth.account-locked', recordType: 'user', recordId: user.id, ip, flagged: true, after: { lockedUntil: after.lockedUntil, failedAttempts: after.failedAttempts } });
    }
    throw new ValidationError('The password was not changed', { currentPassword: 'This is not your current password' }, 'WRONG_PASSWORD');
  }
  if (!creds.user.active) throw new UnauthenticatedError();
  // Other sessions (a forgotten PC, a stolen cookie) end; the HTTP layer keeps this one.
  await deps.users.update(user.id, { passwordHash: await deps.hasher.hash(input.newPassword as string), credentialsChangedAt: deps.clock.now() });
  await deps.audit.record({ actor, action: 'auth.password-changed', recordType: 'user', recordId: user.id, ip });
}
