// Sign-in: argon2id verify, lockout after repeated failures, and an audit event for every outcome.
// An unknown username, a wrong password and a locked account get one answer (BAD_CREDENTIALS) after
// the same hash verify, so neither the answer nor its time tells a prober which usernames exist or
// are locked; the audit log still records which it was (reason, and auth.account-locked).
import { DEFAULT_LOCKOUT, isLocked, lockAfterFailure, type LockoutPolicy } from '../../domain/auth/lockout-policy';
import { PASSWORD_MAX_LENGTH } from '../../domain/auth/password-rules';
import { UnauthenticatedError, ValidationError, type FieldErrors } from '../../domain/errors';
import type { User } from '../../domain/users/user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { PasswordHasher } from '../../ports/password-hasher.port';
import type { UserRepository } from '../../ports/user-repository.port';

export interface SignInDeps {
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
  clock: Clock;
  lockout?: LockoutPolicy;
}

export interface SignInInput {
  username: unknown;
  password: unknown;
  ip?: string;
}

const badCredentials = (policy: LockoutPolicy) =>
  new UnauthenticatedError(
    `The username or password is not right. Check both and try again. After ${policy.maxFailures} failed attempts in a row an account is locked for ${policy.lockMinutes} minutes; an administrator can unlock it.`,
    'BAD_CREDENTIALS',
  );
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
const dummyHash = (h: PasswordHasher) => {
  if (!dummyHashes.has(h)) dummyHashes.set(h, h.hash(`no-such-user-${Math.random()}`));
  return dummyHashes.get(h)!;
};

function parse(input: SignInInput): { username: string; password: string } {
  const errors: FieldErrors = {};
  if (typeof input.username !== 'string' || !input.username.trim() || input.username.length > 100) errors.username = 'Enter your username';
  if (typeof input.password !== 'string' || !input.password) errors.password = 'Enter your password';
  else if (input.password.length > PASSWORD_MAX_LENGTH) errors.password = `Passwords are at most ${PASSWORD_MAX_LENGTH} characters`;
  if (Object.keys(errors).length) throw new ValidationError('Enter your username and password', errors);
  return { username: (input.username as string).trim().toLowerCase(), password: input.password as string };
}

export async function signIn(deps: SignInDeps, input: SignInInput): Promise<User> {
  const { username, password } = parse(input);
  const policy = deps.lockout ?? DEFAULT_LOCKOUT;
  const now = deps.clock.now();
  const failed = (actor: { id: string; username: string }, reason: string, extra: Record<string, unknown> = {}) =>
    deps.audit.record({ actor, action: 'auth.sign-in-failed', recordType: 'user', recordId: actor.id === 'unknown' ? undefined : actor.id, ip: input.ip, after: { reason, ...extra } });

  const creds = await deps.users.findCredentials(username);
  if (!creds || !creds.passwordHash) {
    await deps.hasher.verify(await dummyHash(deps.hasher), password);
    await failed({ id: creds?.user.id ?? 'unknown', username }, creds ? 'no-password-set' : 'unknown-user');
    throw badCredentials(policy);
  }
  const actor = { id: creds.user.id, username: creds.user.username };
  const rightPassword = await deps.hasher.verify(creds.passwordHash, password);
  if (isLocked(creds, now)) {
    // Refused even with the right password, and not counted: the lock already stands.
    await failed(actor, 'locked', { lockedUntil: creds.lockedUntil, rightPassword });
    throw badCredentials(policy);
  }

  if (!rightPassword) {
    const after = await deps.users.recordFailedAttempt(creds.user.id, (state) => lockAfterFailure(state, now, policy));
    await failed(actor, 'wrong-password', { failedAttempts: after?.failedAttempts });
    if (after?.locked) {
      await deps.audit.record({ actor, action: 'auth.account-locked', recordType: 'user', recordId: actor.id, ip: input.ip, flagged: true, after: { lockedUntil: after.lockedUntil, failedAttempts: after.failedAttempts } });
    }
    throw badCredentials(policy);
  }

  if (!creds.user.active) {
    await failed(actor, 'deactivated');
    throw new UnauthenticatedError('This account has been deactivated. Ask an administrator if you still need access.', 'ACCOUNT_DEACTIVATED');
  }
  // Hashes made with older, weaker parameters are upgraded while the plain password is at hand.
  const rehash = deps.hasher.needsRehash(creds.passwordHash) ? await deps.hasher.hash(password) : undefined;
  await deps.users.recordSignIn(creds.user.id, now, rehash);
  await deps.audit.record({ actor: { ...actor, roles: creds.user.roles }, action: 'auth.sign-in', recordType: 'user', recordId: actor.id, ip: input.ip });
  return { ...creds.user, lastSignInAt: now.toISOString(), lockedUntil: undefined };
}
