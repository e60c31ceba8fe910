// Password rules as data: each broken rule is a message the sign-up form can show beside the field.
// Length over composition (NIST SP 800-63B): long passphrases pass, "Password1!" does not.
export const PASSWORD_MIN_LENGTH = 12;
// argon2 cost grows with input: an upper bound stops a megabyte "password" being hashed.
export const PASSWORD_MAX_LENGTH = 256;

// A short deny-list of the passwords people actually choose; the length rule catches most others.
const COMMON = new Set([
  'password1234', 'password12345', 'passwordpassword', '123456789012', 'qwertyuiopas', 'iloveyou1234',
  'letmein12345', 'welcome12345', 'changeme1234', 'youthjustice', 'youthjustice1', 'administrator',
]);

export interface PasswordContext {
  username?: string;
  email?: string;
  displayName?: string;
}

/** Problems with a proposed password, empty when it is acceptable. */
export function passwordProblems(password: unknown, ctx: PasswordContext = {}): string[] {
  if (typeof password !== 'string') return ['Enter a password'];
  const problems: string[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters (a few unrelated words work well)`);
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('This password is too common; choose another');
  if (chars.length > 0 && new Set(chars).size <= 2) problems.push('Use more than two different characters');
  const personal = [ctx.username, ctx.email?.split('@')[0], ...(ctx.displayName?.split(/\s+/) ?? [])]
    .filter((p): p is string => !!p && p.length >= 3)
    .map((p) => p.toLowerCase());
  if (personal.some((p) => lower.includes(p))) problems.push('Do not include your name or username');
  return problems;
}
