import { ConflictError } from '../../domain/errors';

interface MongoLikeError {
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
  message?: string;
}

/** Turns driver errors that mean something to a user into domain errors; others pass through. */
export function translateMongoError(e: unknown, what: string): unknown {
  const err = e as MongoLikeError;
  if (err && (err.code === 11000 || err.code === 11001)) {
    const fields = Object.keys(err.keyValue ?? err.keyPattern ?? {});
    const which = fields.length ? ` with the same ${fields.join(', ')}` : '';
    return new ConflictError(`A ${what}${which} already exists`, 'DUPLICATE');
  }
  return e;
}

export async function withMongoErrors<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw translateMongoError(e, what);
  }
}
