// Service accounts: systems (a police or court portal, social care) calling /api/integration with a bearer
// token. An account holds roles and teams like a person, so the same permission table decides what it may
// do and which case sections it reaches; its scopes narrow that further to the routes a system needs. A scope
// never widens anything: the sections a call may read are those of the scope AND of the account's roles.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ScopeDefinition {
  scope: string;
  /** What the scope lets a system do, in words an administrator reads when ticking it. */
  label: string;
  /** Case sections the scope may read (still only those the account's roles may read). */
  reads?: readonly string[];
}

/** Scopes are data: another integration (webhooks, agreements) adds its own rows here. */
export const SCOPES: readonly ScopeDefinition[] = [
  { scope: 'referrals:create', label: 'Send referrals (opens a case and starts referral and intake)' },
  { scope: 'cases:read:personal', label: 'Read the Personal section of cases in its teams', reads: ['personal'] },
];

export const isScope = (v: unknown): v is string => typeof v === 'string' && SCOPES.some((s) => s.scope === v);

/** The sections a set of scopes may read, before the roles' own rule is applied. */
export const scopeSections = (scopes: readonly string[]): string[] =>
  [...new Set(SCOPES.filter((s) => scopes.includes(s.scope)).flatMap((s) => s.reads ?? []))];

export interface ServiceAccount {
  /** Also the account's actor id in the audit log and on what it creates (`svc-…`). */
  id: string;
  name: string;
  description?: string;
  roles: string[];
  teams: string[];
  scopes: string[];
  /** How long each token it is given lives. */
  tokenDays: number;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
  /**
   * An account whose scopes read case sections reaches children's data: its tokens work only once a second
   * administrator approved it (docs/permissions.md). Absent on an account that reads none.
   */
  approval?: { state: 'awaiting' | 'approved'; requestId: string; decidedBy?: string; decidedAt?: string };
}

export interface ServiceToken {
  /** The lookup half of the token: the database finds the token by `_id` alone (one read, no scan). */
  id: string;
  accountId: string;
  /** SHA-256 of the secret half, hex. The secret itself is never stored. */
  hash: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt?: string;
  /** The token that replaced this one on rotation. */
  replacedBy?: string;
}

export const TOKEN_PREFIX = 'yjs';
const TOKEN_SHAPE = /^yjs\.([0-9a-f]{24})\.([A-Za-z0-9_-]{43})$/;

/**
 * A new token: `yjs.<id>.<secret>`, the secret 256 random bits. The hash kept is SHA-256, not argon2: argon2
 * slows guessing of passwords people choose, but nobody can guess 2^256 possibilities however fast the hash,
 * and a slow hash would cost every API call ~50 ms of CPU. The id lets the server find the row by `_id`.
 */
export function newToken(): { id: string; secret: string; token: string; hash: string } {
  const id = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, token: `${TOKEN_PREFIX}.${id}.${secret}`, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = TOKEN_SHAPE.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : undefined;
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TokenState = 'valid' | 'expired' | 'revoked' | 'awaiting-approval';

export function tokenState(account: ServiceAccount, token: ServiceToken, now: Date): TokenState {
  if (account.revokedAt || token.revokedAt) return 'revoked';
  if (account.approval?.state === 'awaiting') return 'awaiting-approval';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'valid';
}

/** How long the previous token keeps working after a rotation, so a system can switch without an outage. */
export const MAX_OVERLAP_HOURS = 168;
export const DEFAULT_OVERLAP_HOURS = 24;
