// The signed-in user of a request, put there by the session middleware (which re-reads the user on
// every request, so deactivation and role changes apply at once). A WeakMap rather than a global
// Request augmentation keeps the type local and the value impossible to set from outside.
import type { Request, RequestHandler } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { can, type Action } from '../domain/policies';
import type { User } from '../domain/users/user';

const users = new WeakMap<Request, User>();
const expired = new WeakSet<Request>();

export const setSessionUser = (req: Request, user: User): void => void users.set(req, user);
export const markSessionExpired = (req: Request): void => void expired.add(req);

/** For routers' `currentUser(req)` deps (forms, timescales, tasks, cases): undefined when signed out. */
export const currentUser = (req: Request): User | undefined => users.get(req);

export function userOf(req: Request): User {
  const user = users.get(req);
  if (user) return user;
  if (expired.has(req)) throw new UnauthenticatedError('Your session ended after a period without activity. Sign in again to continue.', 'SESSION_EXPIRED');
  throw new UnauthenticatedError();
}

export const requireUser: RequestHandler = (req, _res, next) => {
  userOf(req);
  next();
};

export function requireAction(action: Action): RequestHandler {
  return (req, _res, next) => {
    const user = userOf(req);
    if (!can(user, action)) {
      throw new ForbiddenError(`Your roles (${user.roles.join(', ') || 'none'}) do not allow "${action}". Ask an administrator if you need it.`, 'ACTION_NOT_PERMITTED');
    }
    next();
  };
}
