// Mongo operators ({"$gt": ""}) in user input must never reach a query: refuse them at the edge
// with the path of the offending key, before any handler sees the body.
import type { RequestHandler } from 'express';
import { ValidationError } from '../domain/errors';

export function findOperatorKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findOperatorKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.startsWith('$')) return here;
      const found = findOperatorKey(child, here);
      if (found) return found;
    }
  }
  return undefined;
}

export const rejectMongoOperators: RequestHandler = (req, _res, next) => {
  const inBody = findOperatorKey(req.body);
  const inQuery = findOperatorKey(req.query);
  const where = inBody ?? inQuery;
  if (where) {
    next(
      new ValidationError(
        `Field names may not start with "$" (found "${where}"). Send plain values, not database operators.`,
        { [where]: 'names starting with "$" are not allowed' },
        'OPERATOR_NOT_ALLOWED',
      ),
    );
    return;
  }
  next();
};
