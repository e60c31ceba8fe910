// Checks every JSON body and query string before any handler sees it:
// - Mongo operators ({"$gt": ""}) must never reach a query: refused (422) with the path of the key;
// - names of Object.prototype (`constructor`, `__proto__` …) make yup and plain-object lookups throw,
//   or replace prototypes: refused (422) naming the key;
// - a NUL character in a name: BSON names are C strings, so storing one (an audit entry of the body, a
//   submission) fails on the database and was a 500; refused (422) naming the key;
// - nesting deeper than MAX_INPUT_DEPTH is refused (400): no request needs it, and recursive code
//   further on (validation, JSON.stringify, BSON) would overflow the stack on 20,000 levels.
// The walk uses an explicit stack, so the check itself cannot overflow; paths are built only for the
// offending key (a completion's body is walked on the hot path).
import type { RequestHandler } from 'express';
import { ValidationError } from '../domain/errors';
import { isReservedKey, reservedKeyMessage } from '../forms-core/reserved-keys';
import { BadRequest } from './actor-request';

export const MAX_INPUT_DEPTH = 64;

export type InputProblem =
  | { kind: 'operator'; path: string }
  | { kind: 'reserved'; path: string; key: string }
  | { kind: 'nul'; path: string }
  | { kind: 'too-deep'; limit: number };

interface Frame { value: unknown; depth: number; parent?: Frame; key?: string | number }

function pathOf(frame: Frame, last: string): string {
  const parts: Array<string | number> = [last];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) parts.unshift(f.key!);
  return parts.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), '');
}

/**
 * A form definition is a document, not a query: form-js writes `$schema` (the JSON schema it follows) at its
 * top. Only there, on the form routes, is that one key let through; deployForm drops it before storing.
 */
const DOCUMENT_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  'POST /forms': new Set(['schema.$schema']),
  'POST /forms/check': new Set(['$schema']),
};

export function allowedDocumentKeys(method: string, path: string): ReadonlySet<string> | undefined {
  return DOCUMENT_KEYS[`${method} ${path.length > 1 ? path.replace(/\/+$/, '') : path}`];
}

export function findInputProblem(value: unknown, maxDepth = MAX_INPUT_DEPTH, allowed?: ReadonlySet<string>): InputProblem | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const stack: Frame[] = [{ value, depth: 1 }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) return { kind: 'too-deep', limit: maxDepth };
    const v = frame.value;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (v[i] && typeof v[i] === 'object') stack.push({ value: v[i], depth: frame.depth + 1, parent: frame, key: i });
      }
      continue;
    }
    for (const key of Object.keys(v as object)) {
      if (key.startsWith('$') && !allowed?.has(pathOf(frame, key))) return { kind: 'operator', path: pathOf(frame, key) };
      if (isReservedKey(key)) return { kind: 'reserved', path: pathOf(frame, key), key };
      if (key.includes('\u0000')) return { kind: 'nul', path: pathOf(frame, key).replaceAll('\u0000', '\\u0000') };
      const child = (v as Record<string, unknown>)[key];
      if (child && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

export function inputProblemError(problem: InputProblem, where: 'body' | 'query'): Error {
  switch (problem.kind) {
    case 'too-deep':
      return new BadRequest(
        `The request ${where} is nested more than ${problem.limit} levels deep (the limit is ${problem.limit}). Send flatter data.`,
        'NESTING_TOO_DEEP',
      );
    case 'operator':
      return new ValidationError(
        `Field names may not start with "$" (found "${problem.path}"). Send plain values, not database operators.`,
        { [problem.path]: 'names starting with "$" are not allowed' },
        'OPERATOR_NOT_ALLOWED',
      );
    case 'nul':
      return new ValidationError(
        `Field names may not contain the NUL character (found "${problem.path}"). Remove it.`,
        { [problem.path]: 'names may not contain the NUL character' },
        'NUL_IN_NAME',
      );
    case 'reserved':
      return new ValidationError(
        `${reservedKeyMessage(problem.key)} (found "${problem.path}"). Rename it.`,
        { [problem.path]: reservedKeyMessage(problem.key) },
        'RESERVED_KEY',
      );
  }
}

export const rejectMongoOperators: RequestHandler = (req, _res, next) => {
  const inBody = findInputProblem(req.body, MAX_INPUT_DEPTH, allowedDocumentKeys(req.method, req.path));
  const problem = inBody ?? findInputProblem(req.query);
  next(problem ? inputProblemError(problem, inBody ? 'body' : 'query') : undefined);
};
