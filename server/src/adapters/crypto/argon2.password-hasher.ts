// argon2id with OWASP Password Storage Cheat Sheet parameters (46 MiB, 1 iteration, 1 lane — the
// first of OWASP's equivalent argon2id configurations). Tests pass cheaper parameters through the
// constructor; production code never does.
import argon2 from 'argon2';
import type { PasswordHasher } from '../../ports/password-hasher.port';

export interface Argon2Params {
  memoryCost: number; // KiB
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Argon2Params = { memoryCost: 47104, timeCost: 1, parallelism: 1 };
/** For tests only: the smallest parameters argon2 accepts, so a sign-in costs about a millisecond. */
export const TEST_ARGON2ID: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly params: Argon2Params = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.params });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false; // a malformed stored hash is a failed sign-in, not a 500
    }
  }

  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, this.params);
    } catch {
      return true;
    }
  }
}
