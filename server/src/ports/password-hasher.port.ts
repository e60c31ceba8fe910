/** Password hashing behind a port, so use cases never import a native module. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash (never throws on bad input). */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's: rehash on next sign-in. */
  needsRehash(hash: string): boolean;
}
