// Request parsing shared by the forms, submissions and drafts routers: small and explicit, so a
// malformed request gets a 422 naming the field rather than a 500 from deeper down.
import type { Request } from 'express';
import { UnauthenticatedError, ValidationError } from '../domain/errors';
import type { FormActor } from '../domain/forms/form-version';

export interface FormsHttpDeps {
  /** The signed-in user of a request (from the session), or undefined. */
  currentUser(req: Request): FormActor | undefined;
}

export function requireUser(deps: FormsHttpDeps, req: Request): FormActor {
  const user = deps.currentUser(req);
  if (!user) throw new UnauthenticatedError();
  return user;
}

export function jsonBody(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Send a JSON object as the request body');
  return b as Record<string, unknown>;
}

export function optionalString(v: unknown, name: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new ValidationError(`${name} must be a string`, { [name]: 'Must be a string' });
  return v;
}

export function optionalVersion(v: unknown, name = 'version'): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new ValidationError(`${name} must be a whole number from 1`, { [name]: 'Must be a whole number from 1' });
  }
  return n;
}

export const queryString = (req: Request, name: string): string | undefined =>
  typeof req.query[name] === 'string' && req.query[name] ? (req.query[name] as string) : undefined;
