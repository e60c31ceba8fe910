// While the database cannot answer (the embedded child is being restarted, or the driver cannot reach the
// server), a request gets 503 DATABASE_UNAVAILABLE — a state the client can wait out — instead of a 500 or a
// refused connection. The gate answers at once while a restart is known; the error middleware maps the
// driver's "cannot reach" errors of requests that were already running when the database went away.
import type { ErrorRequestHandler, RequestHandler } from 'express';

export class DatabaseUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The database is not available (${reason}). Nothing was saved by this request; try again in a few seconds.`);
    this.name = 'DatabaseUnavailableError';
  }
}

// Names and codes the MongoDB driver and mongoose use when no server can be reached (not when one answers).
const UNREACHABLE_NAMES = new Set([
  'DatabaseUnavailableError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
]);
const SHUTDOWN_CODES = new Set([91, 11600, 11602]); // ShutdownInProgress, InterruptedAtShutdown, InterruptedDueToReplStateChange
// A socket to the database that the other side closed, surfacing from the driver unwrapped.
const SOCKET_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED']);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as { name?: string; message?: string; code?: unknown; cause?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 5; e = e.cause as typeof e, i++) {
    if (UNREACHABLE_NAMES.has(e.name ?? '') || SHUTDOWN_CODES.has(Number(e.code)) || SOCKET_CODES.has(String(e.code))) return true;
    // A bulk write (insertMany, bulkWrite) wraps a network error into MongoBulkWriteError, copying its own
    // fields: `beforeHandshake` is one only network errors have.
    if (/^Mongo/.test(e.name ?? '') && 'beforeHandshake' in e) return true;
    // mongoose queues operations while disconnected and fails them after bufferTimeoutMS.
    if (e.name === 'MongooseError' && /buffering timed out/.test(e.message ?? '')) return true;
  }
  return false;
}

/** The user-facing text of a DatabaseUnavailableError, or a generic one for the driver's errors. */
export const databaseUnavailableMessage = (err: unknown): string =>
  err instanceof DatabaseUnavailableError
    ? err.message
    : 'The database is not available. This request may not have been saved; check, and try again in a few seconds.';

/** Refuses API requests at once while `unavailable()` names a reason (e.g. the embedded database restarting). */
export function databaseGate(unavailable: () => string | undefined): RequestHandler {
  return (_req, _res, next) => {
    const reason = unavailable();
    next(reason ? new DatabaseUnavailableError(reason) : undefined);
  };
}

/** Passes every error on after showing it to `observe` (which counts database failures for /readyz). */
export function observeErrors(observe: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, _res, next) => {
    observe(err);
    next(err);
  };
}
