// FerretDB's SQLite backend answers concurrent writers with "database is locked (SQLITE_BUSY)" instead of
// waiting. Such a write did not happen, so repeating it after a short pause is safe; every engine write is
// idempotent anyway (upserts by deterministic id, state-guarded updates, revision-checked saves).
// A process-wide gate bounds how many engine database operations run at once: with SQLite behind the
// database, many concurrent writers mostly produce SQLITE_BUSY retries, so fewer at a time is faster.
const TRANSIENT = /SQLITE_BUSY|database is locked|WriteConflict/i;

export const isTransient = (e: unknown): boolean => TRANSIENT.test(String((e as Error)?.message ?? ''));

// One gate per process, as there is one embedded engine per process; set from ENGINE_DB_CONCURRENCY at start.
let limit = 2;
let active = 0;
const waiting: (() => void)[] = [];

/** Sets how many engine database operations may run at once (the engine's dbConcurrency option). */
export function setDbConcurrency(n: number): void {
  limit = Math.max(1, n);
}

async function gated<T>(op: () => PromiseLike<T>): Promise<T> {
  if (active >= limit) await new Promise<void>((r) => waiting.push(r));
  active++;
  try {
    return await op();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export async function retry<T>(op: () => PromiseLike<T>, attempts = 12): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await gated(op);
    } catch (e) {
      if (!isTransient(e) || i >= attempts - 1) throw e;
      await new Promise((r) => setTimeout(r, Math.min(200, 2 ** i) + Math.random() * 5));
    }
  }
}
