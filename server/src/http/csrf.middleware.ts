// Synchronizer-token CSRF protection: each session holds a random token (given to the client by
// sign-in and GET /api/auth/me) that every state-changing request must echo in X-CSRF-Token.
// Requests without a signed-in session carry no ambient authority, so there is nothing to forge;
// sign-in itself is protected by SameSite=strict and by accepting JSON only (a cross-site form
// cannot send application/json without a CORS preflight, which this server never grants).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../domain/errors';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const newCsrfToken = (): string => randomBytes(32).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || !req.session?.userId) return next();
  const expected = req.session.csrfToken;
  const given = req.get(CSRF_HEADER);
  if (!expected || !given || !sameToken(expected, given)) {
    throw new ForbiddenError(
      'This request is missing its security token (X-CSRF-Token header). Reload the page and try again.',
      'CSRF_TOKEN_INVALID',
    );
  }
  next();
};
