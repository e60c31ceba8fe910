// Edge helpers shared by the tasks and cases routers: who is calling, and zod parsing that turns bad
// input into an actionable 4xx. Query strings get 400 (an unknown parameter is a client bug, named so
// it can be fixed); bodies get 422 with one message per field, like every other validation error.
import type { Request } from 'express';
import type { z } from 'zod';
import { UnauthenticatedError, ValidationError } from '../domain/errors';
import type { Actor } from '../application/cases/case-access';

export interface ActorDeps {
  /** The signed-in user of a request (set by the security middleware), or undefined. */
  currentActor(req: Request): Actor | undefined;
}

export function requireActor(deps: ActorDeps, req: Request): Actor {
  const actor = deps.currentActor(req);
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** An error the error middleware passes through as a 400 with its message (http-errors convention). */
export class BadRequest extends Error {
  readonly status = 400;
  readonly expose = true;
  constructor(message: string, readonly code = 'BAD_REQUEST') {
    super(message);
  }
}

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(body)';

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const r = schema.safeParse(query);
  if (r.success) return r.data;
  const unknown = r.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
  if (unknown.length) {
    throw new BadRequest(`Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Remove ${unknown.length > 1 ? 'them' : 'it'} or check the spelling.`);
  }
  throw new BadRequest(`Invalid query: ${r.error.issues.map((i) => `${pathOf(i)}: ${i.message}`).join('; ')}`);
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  const errors: Record<string, string> = {};
  for (const i of r.error.issues) {
    if (i.code === 'unrecognized_keys') for (const k of i.keys) errors[k] = 'Not a field of this request';
    else errors[pathOf(i)] ??= i.message;
  }
  throw new ValidationError('The request needs correcting', errors, 'REQUEST_INVALID');
}
