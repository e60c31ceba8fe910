import { DEFAULT_LOCKOUT, isLocked, lockAfterFailure, lockExpiry, reachesLock } from '../../../server/src/domain/auth/lockout-policy';
import { passwordProblems } from '../../../server/src/domain/auth/password-rules';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../server/src/application/users/seed-demo-users';
import { Argon2PasswordHasher, OWASP_ARGON2ID, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';

describe('password rules', () => {
  it('accepts a long passphrase and refuses short, common, repetitive or personal ones with a reason each', () => {
    expect(passwordProblems('correct horse battery staple')).toEqual([]);
    expect(passwordProblems('Sh0rt!')).toEqual([expect.stringMatching(/at least 12/)]);
    expect(passwordProblems('password1234')).toEqual([expect.stringMatching(/too common/)]);
    expect(passwordProblems('aaaaaaaaaaaaaaab')).toEqual([expect.stringMatching(/more than two different/)]);
    expect(passwordProblems('my name is cara.case ok', { username: 'cara.case' })).toEqual([expect.stringMatching(/name or username/)]);
    expect(passwordProblems('x'.repeat(257) + 'yz')).toContain('Use at most 256 characters');
    expect(passwordProblems(undefined)).toEqual(['Enter a password']);
  });

  it('accepts the documented demo password for every demo user (so an admin could set it too)', () => {
    for (const u of DEMO_USERS) expect(passwordProblems(DEMO_PASSWORD, u)).toEqual([]);
  });
});

describe('lockout policy', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  it('locks at the fifth consecutive failure for fifteen minutes', () => {
    expect(DEFAULT_LOCKOUT).toEqual({ maxFailures: 5, lockMinutes: 15 });
    expect(reachesLock(4)).toBe(false);
    expect(reachesLock(5)).toBe(true);
    const until = lockExpiry(now).toISOString();
    expect(until).toBe('2026-11-24T10:15:00.000Z');
    expect(isLocked({ failedAttempts: 0, lockedUntil: until }, new Date('2026-11-24T10:14:59Z'))).toBe(true);
    expect(isLocked({ failedAttempts: 0, lockedUntil: until }, new Date('2026-11-24T10:15:00Z'))).toBe(false);
  });

  it('locks at every fifth failure in a row, never while already locked', () => {
    const lockAt = (failedAttempts: number, lockedUntil?: string) => lockAfterFailure({ failedAttempts, lockedUntil }, now)?.toISOString();
    expect([1, 2, 3, 4, 6, 7, 9, 11].map((n) => lockAt(n))).toEqual(Array(8).fill(undefined));
    expect(lockAt(5)).toBe('2026-11-24T10:15:00.000Z');
    expect(lockAt(10)).toBe('2026-11-24T10:15:00.000Z'); // five more tries after a lock expired
    expect(lockAt(10, '2026-11-24T10:05:00Z')).toBeUndefined(); // raced past the lock check: counted, not relocked
    expect(lockAt(10, '2026-11-24T09:59:00Z')).toBe('2026-11-24T10:15:00.000Z');
  });
});

describe('argon2 password hasher', () => {
  it('uses argon2id with OWASP parameters by default', async () => {
    const hash = await new Argon2PasswordHasher().hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=47104,p=1,t=1\$/);
    expect(OWASP_ARGON2ID.memoryCost).toBeGreaterThanOrEqual(19456);
  });

  it('verifies, refuses a wrong password or malformed hash without throwing, and flags weaker hashes for rehash', async () => {
    const cheap = new Argon2PasswordHasher(TEST_ARGON2ID);
    const hash = await cheap.hash('correct horse battery staple');
    expect(await cheap.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await cheap.verify(hash, 'correct horse battery stapl')).toBe(false);
    expect(await cheap.verify('not-a-hash', 'x')).toBe(false);
    expect(cheap.needsRehash(hash)).toBe(false);
    expect(new Argon2PasswordHasher().needsRehash(hash)).toBe(true);
  });
});
