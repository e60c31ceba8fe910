// Edge helpers shared by the tasks and cases routers: who is calling, and zod parsing that turns bad
// input into an actionable 4xx. Query strings get 400 (an unknown parameter is a client bug, named so
// it can be fixed); bodies get 422 with one message per field, like every other validation error.
import type { Request } from 'express';
import type { z } from 'zod';
import { UnauthenticatedError, ValidationError } from '../domain/errors';
import type { Actor } from '../application/cases/case-access';
import { fieldMessage, issuePath, requestErrorMap } from './zod-messages';

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

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const r = schema.safeParse(query, { error: requestErrorMap });
  if (r.success) return r.data;
  const unknown = r.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
  if (unknown.length) {
    throw new BadRequest(`Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Remove ${unknown.length > 1 ? 'them' : 'it'} or check the spelling.`);
  }
  throw new BadRequest(`The query needs correcting: ${r.error.issues.map((i) => fieldMessage(i, 'The query')).join('; ')}.`);
}

/** Field errors in plain English, each naming its field ("Given name must not be empty"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const i of error.issues) {
    if (i.code === 'unrecognized_keys') for (const k of i.keys) errors[[...i.path.map(String), k].join('.')] = 'Not a field of this request';
    else errors[issuePath(i)] ??= fieldMessage(i);
  }
  return errors;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body ?? {}, { error: requestErrorMap });
  if (r.success) return r.data;
  const errors = fieldErrorsOf(r.error);
  const said = Object.entries(errors).map(([path, m]) => (m === 'Not a field of this request' ? `"${path}" is not a field of this request` : m));
  throw new ValidationError(`The request needs correcting: ${said.join('; ')}.`, errors, 'REQUEST_INVALID');
}
