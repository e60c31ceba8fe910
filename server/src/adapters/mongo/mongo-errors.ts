import { ConflictError } from '../../domain/errors';

interface MongoLikeError {
  code?: number;
  keyValue?: Record<string, unknown>;
  keyPattern?: Record<string, unknown>;
  message?: string;
}

export interface WriteError { index: number; code?: number }

/** A bulk write's per-document errors (the driver reports a single one as an object, several as an array). */
export const writeErrorsOf = (e: unknown): WriteError[] => {
  const w = (e as { writeErrors?: WriteError[] | WriteError } | undefined)?.writeErrors;
  return Array.isArray(w) ? w : w ? [w] : [];
};

/** How many documents of an ordered insertMany were stored before it failed (0 when unknown). */
export const storedBeforeFailure = (e: unknown): number => {
  const errors = writeErrorsOf(e);
  return errors.length ? Math.min(...errors.map((w) => w.index)) : 0;
};

export const isDuplicateKeyError = (e: unknown): boolean => {
  const code = (e as MongoLikeError)?.code;
  return code === 11000 || code === 11001;
};

function conflict(what: string, fields: string[]): ConflictError {
  const which = fields.length ? ` with the same ${fields.join(', ')}` : '';
  return new ConflictError(`A ${what}${which} already exists`, 'DUPLICATE');
}

/**
 * Runs a write and turns a duplicate-key failure into a ConflictError naming the field. MongoDB
 * reports the clashing key; FerretDB does not, so `whichFields` lets the repository look it up.
 */
export async function withMongoErrors<T>(
  what: string,
  op: () => Promise<T>,
  whichFields?: () => Promise<string[]>,
): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    const reported = Object.keys((e as MongoLikeError).keyValue ?? (e as MongoLikeError).keyPattern ?? {});
    const fields = reported.length ? reported : ((await whichFields?.().catch(() => [])) ?? []);
    throw conflict(what, fields);
  }
}
