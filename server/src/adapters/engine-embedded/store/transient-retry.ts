// FerretDB's SQLite backend answers concurrent writers with "database is locked (SQLITE_BUSY)" instead of
// waiting. Such a write did not happen, so repeating it after a short pause is safe; every engine write is
// idempotent anyway (upserts by deterministic id, state-guarded updates, revision-checked saves).
const TRANSIENT = /SQLITE_BUSY|database is locked|WriteConflict/i;

export const isTransient = (e: unknown): boolean => TRANSIENT.test(String((e as Error)?.message ?? ''));

export async function retry<T>(op: () => PromiseLike<T>, attempts = 12): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await op();
    } catch (e) {
      if (!isTransient(e) || i >= attempts - 1) throw e;
      await new Promise((r) => setTimeout(r, Math.min(200, 2 ** i) + Math.random() * 5));
    }
  }
}
