// The one fetch every feature should use for /api calls: same-origin cookies, JSON in and out, the
// session's CSRF token on every state-changing request, and errors as ApiError with field errors.
export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string, readonly errors: FieldErrors = {}) {
    super(message);
  }
}

let csrfToken: string | undefined;
const listeners = new Set<(e: ApiError) => void>();

/** Set by the session provider after sign-in or GET /api/auth/me; cleared at sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Headers to add to a hand-made fetch (e.g. an existing feature's API module) for a POST/PUT/PATCH/DELETE. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Called with every 401 so the session provider can send the user back to sign-in. */
export function onUnauthenticated(listener: (e: ApiError) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export async function apiFetch<T>(method: string, url: string, body?: unknown): Promise<T> {
  const unsafe = !['GET', 'HEAD'].includes(method.toUpperCase());
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(unsafe ? csrfHeaders() : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    const error = new ApiError(res.status, json?.error?.message ?? `Request failed (${res.status})`, json?.error?.code ?? 'HTTP_ERROR', json?.errors ?? {});
    if (res.status === 401 && !url.endsWith('/api/auth/sign-in')) listeners.forEach((l) => l(error));
    throw error;
  }
  return json as T;
}
